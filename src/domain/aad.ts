// What each sealed secret is bound to (AES-GCM additional authenticated data):
// a ciphertext moved to another row does not open.
export const aad = {
  connector: (region: string, accountId: string, id: string) => `connector|${region}|${accountId}|${id}`,
  accessKey: (accessKeyId: string) => `access-key|${accessKeyId}`,
  meta: (name: string) => `meta|${name}`,
};
