// Every catalog ActionBridge ships. Adding a connector type's actions: a data file
// here, listed below; catalogs are checked when loaded (start-up) and by the tests.
import type { Catalog } from '../types.js';
import { amazonS3 } from './amazon-s3.js';
import { genericHttp } from './generic-http.js';
import { jiraCloud } from './jira-cloud.js';
import { salesforce } from './salesforce.js';
import { serviceNow } from './servicenow.js';
import { slack } from './slack.js';
import { zendesk } from './zendesk.js';
import { confluence } from './confluence.js';
import { pagerDuty } from './pagerduty.js';
import { microsoftOutlook } from './microsoft-outlook.js';
import { microsoftTeams } from './microsoft-teams.js';
import { microsoftOneDrive } from './microsoft-onedrive.js';
import { microsoftSharePoint } from './microsoft-sharepoint.js';
import { sapBillOfMaterials, sapBusinessPartner, sapMaterialStock, sapPhysicalInventory, sapProductMasterData } from './sap.js';
import { smartsheet } from './smartsheet.js';
import { asana } from './asana.js';
import { bambooHr } from './bamboohr.js';
import { bedrockAgentRuntime, bedrockDataAutomationRuntime, bedrockRuntime, comprehend, comprehendMedical, textract } from './aws-ai.js';

export const catalogs: readonly Catalog[] = [
  genericHttp,
  jiraCloud,
  slack,
  serviceNow,
  salesforce,
  zendesk,
  amazonS3,
  confluence,
  pagerDuty,
  microsoftOutlook,
  microsoftTeams,
  microsoftOneDrive,
  microsoftSharePoint,
  sapBusinessPartner,
  sapProductMasterData,
  sapPhysicalInventory,
  sapBillOfMaterials,
  sapMaterialStock,
  smartsheet,
  asana,
  bambooHr,
  bedrockRuntime,
  bedrockAgentRuntime,
  bedrockDataAutomationRuntime,
  textract,
  comprehend,
  comprehendMedical,
];
