// What a domain rule reports instead of throwing a wire error: the member it concerns
// (lowerCamel path, as AWS writes it) and the rule it breaks. src/ops turns a list of
// them into InvalidParameterValueException's message ("Value at 'x' failed to satisfy
// constraint: ..."); a structured problem list for the console can be built from them.
export interface Violation {
  member: string;
  rule: string;
  /** 'null': the member is missing (AWS then writes "Value null at 'x' ..."). */
  value?: 'null';
}
