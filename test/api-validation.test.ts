// Every validation rule of the model (lengths, patterns, enums, required
// members, list bounds, unions) as it applies to the inputs of the connector
// operations, plus the extra rules of PRODUCT.md §2. Each refusal must be an
// InvalidParameterValueException (400) whose message names the member (its
// lowerCamel path) and the rule, and must leave everything as it was.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNT, OTHER_ACCOUNT, createInput, expectError, qs, startTestServer, type TestServer } from './helpers.js';
import {
  ALL_ACTIONS,
  AUTH,
  connArn,
  copy,
  create,
  describeC,
  expectInvalid,
  groupArnOf,
  patchBody,
  patchQuery,
  snapshot,
  uid,
  userArnOf,
} from './api-support.js';

let t: TestServer;
let admin: qs.QuickSightClient;
let author: { arn: string };
const GROUP = 'validation-group';

beforeAll(async () => {
  t = await startTestServer();
  admin = t.client();
  author = await t.addUser('validation-author', 'AUTHOR', [GROUP]);
});
afterAll(async () => {
  await t.stop();
});

const MIN = (n: number) => `Member must have length greater than or equal to ${n}`;
const MAX = (n: number) => `Member must have length less than or equal to ${n}`;
const PATTERN = 'Member must satisfy regular expression pattern';
const ENUM = 'Member must satisfy enum value set';
const NULL = 'Member must not be null';
const UNION = 'Member must have exactly one member set';
const PARSES = 'Member must be an https:// URL that parses';
const ROLE = 'Member must be an IAM role ARN';
const PRINCIPAL = 'Member must be a QuickSight user or group ARN';
const ACTIONS = 'Member must be one of [quicksight:DescribeActionConnector';

const MD = 'authenticationConfig.authenticationMetadata';
const BASIC = `${MD}.basicAuthConnectionMetadata`;
const APIKEY = `${MD}.apiKeyConnectionMetadata`;
const CC = `${MD}.clientCredentialsGrantMetadata`;
const CCD = `${CC}.clientCredentialsDetails.clientCredentialsGrantDetails`;
const AC = `${MD}.authorizationCodeGrantMetadata`;
const ACD = `${AC}.authorizationCodeGrantCredentialsDetails.authorizationCodeGrantDetails`;
const IAM = `${MD}.iamConnectionMetadata`;

type Input = qs.CreateActionConnectorCommandInput & Record<string, any>;
type AnyObj = Record<string, any>;
const md = (i: Input) => i.AuthenticationConfig!.AuthenticationMetadata as AnyObj;
/** Sets an AuthenticationConfig of `type`, and for IAM a connector type that accepts it (AMAZON_S3; the default GENERIC_HTTP takes every other). */
const withAuth = (type: qs.ConnectionAuthType) => (i: Input) => {
  i.AuthenticationConfig = copy(AUTH[type]);
  if (type === 'IAM') i.Type = 'AMAZON_S3';
};
const users = (n: number) => Array.from({ length: n }, (_, k) => ({ Principal: userArnOf(`nobody-${k}`), Actions: ['quicksight:DescribeActionConnector'] }));

interface Case {
  what: string;
  mutate: (i: Input) => void;
  member: string;
  rules: string[];
  raw?: (b: AnyObj) => void;
}
const c = (what: string, mutate: (i: Input) => void, member: string, ...rules: string[]): Case => ({ what, mutate, member, rules });
const raw = (what: string, patch: (b: AnyObj) => void, member: string, ...rules: string[]): Case => ({ what, mutate: () => {}, raw: patch, member, rules });

/** Rules on the AuthenticationConfig: shared by Create and Update. */
const AUTH_CASES: Case[] = [
  c(
    'AuthenticationConfig missing',
    (i) => {
      delete i.AuthenticationConfig;
    },
    'authenticationConfig',
    NULL,
  ),
  c(
    'AuthenticationType not in the enum',
    (i) => {
      (i.AuthenticationConfig as AnyObj).AuthenticationType = 'KERBEROS';
    },
    'authenticationConfig.authenticationType',
    ENUM,
    'BASIC, API_KEY',
  ),
  c(
    'AuthenticationType missing',
    (i) => {
      delete (i.AuthenticationConfig as AnyObj).AuthenticationType;
    },
    'authenticationConfig.authenticationType',
    NULL,
  ),
  c(
    'AuthenticationMetadata missing',
    (i) => {
      delete (i.AuthenticationConfig as AnyObj).AuthenticationMetadata;
    },
    MD,
    NULL,
  ),
  c(
    'AuthenticationMetadata with zero members',
    (i) => {
      (i.AuthenticationConfig as AnyObj).AuthenticationMetadata = {};
    },
    MD,
    UNION,
    '0 set',
  ),
  c(
    'AuthenticationMetadata with only an unknown member',
    (i) => {
      (i.AuthenticationConfig as AnyObj).AuthenticationMetadata = { $unknown: ['LdapMetadata', { Server: 'x' }] };
    },
    MD,
    UNION,
    '0 set',
  ),
  c(
    'AuthenticationMetadata with two members',
    (i) => {
      md(i).NoneConnectionMetadata = { BaseEndpoint: 'https://x.example.com' };
    },
    MD,
    UNION,
    '2 set',
  ),
  c(
    'metadata member does not match AuthenticationType (NONE vs Basic)',
    (i) => {
      (i.AuthenticationConfig as AnyObj).AuthenticationType = 'NONE';
    },
    BASIC,
    'Member must match AuthenticationType NONE',
    'NoneConnectionMetadata',
  ),
  c(
    'metadata member does not match AuthenticationType (IAM vs None)',
    (i) => {
      i.Type = 'AMAZON_S3';
      i.AuthenticationConfig = { AuthenticationType: 'IAM', AuthenticationMetadata: copy(AUTH.NONE.AuthenticationMetadata) };
    },
    `${MD}.noneConnectionMetadata`,
    'Member must match AuthenticationType IAM',
    'IamConnectionMetadata',
  ),
  c(
    'metadata member does not match AuthenticationType (OAUTH2_AUTHORIZATION_CODE vs client credentials)',
    (i) => {
      i.AuthenticationConfig = {
        AuthenticationType: 'OAUTH2_AUTHORIZATION_CODE',
        AuthenticationMetadata: copy(AUTH.OAUTH2_CLIENT_CREDENTIALS.AuthenticationMetadata),
      };
    },
    CC,
    'Member must match AuthenticationType OAUTH2_AUTHORIZATION_CODE',
  ),
  c(
    'NoneConnectionMetadata without BaseEndpoint',
    (i) => {
      i.AuthenticationConfig = { AuthenticationType: 'NONE', AuthenticationMetadata: { NoneConnectionMetadata: {} as qs.NoneConnectionMetadata } };
    },
    `${MD}.noneConnectionMetadata.baseEndpoint`,
    NULL,
  ),
  // BASIC
  c(
    'BaseEndpoint http://',
    (i) => {
      md(i).BasicAuthConnectionMetadata.BaseEndpoint = 'http://api.example.com';
    },
    `${BASIC}.baseEndpoint`,
    PATTERN,
    'https://.*',
  ),
  c(
    'BaseEndpoint with upper-case scheme',
    (i) => {
      md(i).BasicAuthConnectionMetadata.BaseEndpoint = 'HTTPS://API.EXAMPLE.COM';
    },
    `${BASIC}.baseEndpoint`,
    PATTERN,
  ),
  c(
    'BaseEndpoint empty',
    (i) => {
      md(i).BasicAuthConnectionMetadata.BaseEndpoint = '';
    },
    `${BASIC}.baseEndpoint`,
    MIN(1),
  ),
  c(
    'BaseEndpoint 8193 chars',
    (i) => {
      md(i).BasicAuthConnectionMetadata.BaseEndpoint = `https://a.example.com/${'p'.repeat(8193 - 22)}`;
    },
    `${BASIC}.baseEndpoint`,
    MAX(8192),
  ),
  c(
    'BaseEndpoint https:// without a host',
    (i) => {
      md(i).BasicAuthConnectionMetadata.BaseEndpoint = 'https://';
    },
    `${BASIC}.baseEndpoint`,
    PARSES,
  ),
  c(
    'BaseEndpoint with a space in the host',
    (i) => {
      md(i).BasicAuthConnectionMetadata.BaseEndpoint = 'https://exa mple.com';
    },
    `${BASIC}.baseEndpoint`,
    PARSES,
  ),
  c(
    'BaseEndpoint with a broken IPv6 literal',
    (i) => {
      md(i).BasicAuthConnectionMetadata.BaseEndpoint = 'https://[::1/x';
    },
    `${BASIC}.baseEndpoint`,
    PARSES,
  ),
  c(
    'Username missing',
    (i) => {
      delete md(i).BasicAuthConnectionMetadata.Username;
    },
    `${BASIC}.username`,
    NULL,
  ),
  c(
    'Password missing',
    (i) => {
      delete md(i).BasicAuthConnectionMetadata.Password;
    },
    `${BASIC}.password`,
    NULL,
  ),
  // API_KEY
  c(
    'API key Email without @',
    (i) => {
      withAuth('API_KEY')(i);
      md(i).ApiKeyConnectionMetadata.Email = 'not-an-email';
    },
    `${APIKEY}.email`,
    PATTERN,
  ),
  c(
    'API key Email with a one-letter TLD',
    (i) => {
      withAuth('API_KEY')(i);
      md(i).ApiKeyConnectionMetadata.Email = 'a@b.c';
    },
    `${APIKEY}.email`,
    PATTERN,
  ),
  c(
    'ApiKey missing',
    (i) => {
      withAuth('API_KEY')(i);
      delete md(i).ApiKeyConnectionMetadata.ApiKey;
    },
    `${APIKEY}.apiKey`,
    NULL,
  ),
  c(
    'API key BaseEndpoint ftp://',
    (i) => {
      withAuth('API_KEY')(i);
      md(i).ApiKeyConnectionMetadata.BaseEndpoint = 'ftp://files.example.com';
    },
    `${APIKEY}.baseEndpoint`,
    PATTERN,
  ),
  // OAUTH2_CLIENT_CREDENTIALS
  c(
    'ClientCredentialsSource not in the enum',
    (i) => {
      withAuth('OAUTH2_CLIENT_CREDENTIALS')(i);
      md(i).ClientCredentialsGrantMetadata.ClientCredentialsSource = 'SECRETS_MANAGER';
    },
    `${CC}.clientCredentialsSource`,
    ENUM,
    'PLAIN_CREDENTIALS',
  ),
  c(
    'ClientCredentialsDetails missing',
    (i) => {
      withAuth('OAUTH2_CLIENT_CREDENTIALS')(i);
      delete md(i).ClientCredentialsGrantMetadata.ClientCredentialsDetails;
    },
    `${CC}.clientCredentialsDetails`,
    NULL,
  ),
  c(
    'ClientCredentialsDetails with zero members',
    (i) => {
      withAuth('OAUTH2_CLIENT_CREDENTIALS')(i);
      md(i).ClientCredentialsGrantMetadata.ClientCredentialsDetails = {};
    },
    `${CC}.clientCredentialsDetails`,
    UNION,
  ),
  c(
    'client-credentials ClientId 1025 chars',
    (i) => {
      withAuth('OAUTH2_CLIENT_CREDENTIALS')(i);
      md(i).ClientCredentialsGrantMetadata.ClientCredentialsDetails.ClientCredentialsGrantDetails.ClientId = 'c'.repeat(1025);
    },
    `${CCD}.clientId`,
    MAX(1024),
  ),
  c(
    'client-credentials ClientSecret 2049 chars',
    (i) => {
      withAuth('OAUTH2_CLIENT_CREDENTIALS')(i);
      md(i).ClientCredentialsGrantMetadata.ClientCredentialsDetails.ClientCredentialsGrantDetails.ClientSecret = 's'.repeat(2049);
    },
    `${CCD}.clientSecret`,
    MAX(2048),
  ),
  c(
    'client-credentials ClientSecret missing',
    (i) => {
      withAuth('OAUTH2_CLIENT_CREDENTIALS')(i);
      delete md(i).ClientCredentialsGrantMetadata.ClientCredentialsDetails.ClientCredentialsGrantDetails.ClientSecret;
    },
    `${CCD}.clientSecret`,
    NULL,
  ),
  c(
    'TokenEndpoint http://',
    (i) => {
      withAuth('OAUTH2_CLIENT_CREDENTIALS')(i);
      md(i).ClientCredentialsGrantMetadata.ClientCredentialsDetails.ClientCredentialsGrantDetails.TokenEndpoint = 'http://cc.example.com/token';
    },
    `${CCD}.tokenEndpoint`,
    PATTERN,
  ),
  c(
    'TokenEndpoint that does not parse',
    (i) => {
      withAuth('OAUTH2_CLIENT_CREDENTIALS')(i);
      md(i).ClientCredentialsGrantMetadata.ClientCredentialsDetails.ClientCredentialsGrantDetails.TokenEndpoint = 'https://bad host/token';
    },
    `${CCD}.tokenEndpoint`,
    PARSES,
  ),
  c(
    'TokenEndpoint missing',
    (i) => {
      withAuth('OAUTH2_CLIENT_CREDENTIALS')(i);
      delete md(i).ClientCredentialsGrantMetadata.ClientCredentialsDetails.ClientCredentialsGrantDetails.TokenEndpoint;
    },
    `${CCD}.tokenEndpoint`,
    NULL,
  ),
  c(
    'client-credentials BaseEndpoint missing',
    (i) => {
      withAuth('OAUTH2_CLIENT_CREDENTIALS')(i);
      delete md(i).ClientCredentialsGrantMetadata.BaseEndpoint;
    },
    `${CC}.baseEndpoint`,
    NULL,
  ),
  // OAUTH2_AUTHORIZATION_CODE
  c(
    'RedirectUrl missing',
    (i) => {
      withAuth('OAUTH2_AUTHORIZATION_CODE')(i);
      delete md(i).AuthorizationCodeGrantMetadata.RedirectUrl;
    },
    `${AC}.redirectUrl`,
    NULL,
  ),
  c(
    'RedirectUrl http://',
    (i) => {
      withAuth('OAUTH2_AUTHORIZATION_CODE')(i);
      md(i).AuthorizationCodeGrantMetadata.RedirectUrl = 'http://bridge.example.com/cb';
    },
    `${AC}.redirectUrl`,
    PATTERN,
  ),
  c(
    'RedirectUrl that does not parse',
    (i) => {
      withAuth('OAUTH2_AUTHORIZATION_CODE')(i);
      md(i).AuthorizationCodeGrantMetadata.RedirectUrl = 'https://:443/cb';
    },
    `${AC}.redirectUrl`,
    PARSES,
  ),
  c(
    'AuthorizationCodeGrantCredentialsSource not in the enum',
    (i) => {
      withAuth('OAUTH2_AUTHORIZATION_CODE')(i);
      md(i).AuthorizationCodeGrantMetadata.AuthorizationCodeGrantCredentialsSource = 'VAULT';
    },
    `${AC}.authorizationCodeGrantCredentialsSource`,
    ENUM,
  ),
  c(
    'AuthorizationCodeGrantCredentialsDetails missing',
    (i) => {
      withAuth('OAUTH2_AUTHORIZATION_CODE')(i);
      delete md(i).AuthorizationCodeGrantMetadata.AuthorizationCodeGrantCredentialsDetails;
    },
    `${AC}.authorizationCodeGrantCredentialsDetails`,
    NULL,
  ),
  c(
    'AuthorizationEndpoint missing',
    (i) => {
      withAuth('OAUTH2_AUTHORIZATION_CODE')(i);
      delete md(i).AuthorizationCodeGrantMetadata.AuthorizationCodeGrantCredentialsDetails.AuthorizationCodeGrantDetails.AuthorizationEndpoint;
    },
    `${ACD}.authorizationEndpoint`,
    NULL,
  ),
  c(
    'AuthorizationEndpoint that does not parse',
    (i) => {
      withAuth('OAUTH2_AUTHORIZATION_CODE')(i);
      md(i).AuthorizationCodeGrantMetadata.AuthorizationCodeGrantCredentialsDetails.AuthorizationCodeGrantDetails.AuthorizationEndpoint = 'https://';
    },
    `${ACD}.authorizationEndpoint`,
    PARSES,
  ),
  c(
    'authorization-code ClientId missing',
    (i) => {
      withAuth('OAUTH2_AUTHORIZATION_CODE')(i);
      delete md(i).AuthorizationCodeGrantMetadata.AuthorizationCodeGrantCredentialsDetails.AuthorizationCodeGrantDetails.ClientId;
    },
    `${ACD}.clientId`,
    NULL,
  ),
  c(
    'authorization-code ClientSecret 2049 chars',
    (i) => {
      withAuth('OAUTH2_AUTHORIZATION_CODE')(i);
      md(i).AuthorizationCodeGrantMetadata.AuthorizationCodeGrantCredentialsDetails.AuthorizationCodeGrantDetails.ClientSecret = 'z'.repeat(2049);
    },
    `${ACD}.clientSecret`,
    MAX(2048),
  ),
  c(
    'authorization-code BaseEndpoint missing',
    (i) => {
      withAuth('OAUTH2_AUTHORIZATION_CODE')(i);
      delete md(i).AuthorizationCodeGrantMetadata.BaseEndpoint;
    },
    `${AC}.baseEndpoint`,
    NULL,
  ),
  c(
    'AuthorizationCodeGrantCredentialsDetails with zero members',
    (i) => {
      withAuth('OAUTH2_AUTHORIZATION_CODE')(i);
      md(i).AuthorizationCodeGrantMetadata.AuthorizationCodeGrantCredentialsDetails = {};
    },
    `${AC}.authorizationCodeGrantCredentialsDetails`,
    UNION,
  ),
  c(
    'client-credentials ClientId missing',
    (i) => {
      withAuth('OAUTH2_CLIENT_CREDENTIALS')(i);
      delete md(i).ClientCredentialsGrantMetadata.ClientCredentialsDetails.ClientCredentialsGrantDetails.ClientId;
    },
    `${CCD}.clientId`,
    NULL,
  ),
  // IAM
  c(
    'RoleArn shorter than 20',
    (i) => {
      withAuth('IAM')(i);
      md(i).IamConnectionMetadata.RoleArn = 'arn:aws:iam::1:role';
    },
    `${IAM}.roleArn`,
    MIN(20),
  ),
  c(
    'RoleArn longer than 2048',
    (i) => {
      withAuth('IAM')(i);
      md(i).IamConnectionMetadata.RoleArn = `arn:aws:iam::111122223333:role/${'r'.repeat(2030)}`;
    },
    `${IAM}.roleArn`,
    MAX(2048),
  ),
  c(
    'RoleArn of an S3 bucket',
    (i) => {
      withAuth('IAM')(i);
      md(i).IamConnectionMetadata.RoleArn = 'arn:aws:s3:::my-bucket-role-like';
    },
    `${IAM}.roleArn`,
    ROLE,
  ),
  c(
    'RoleArn of an IAM user',
    (i) => {
      withAuth('IAM')(i);
      md(i).IamConnectionMetadata.RoleArn = 'arn:aws:iam::111122223333:user/bob';
    },
    `${IAM}.roleArn`,
    ROLE,
  ),
  c(
    'RoleArn with a short account',
    (i) => {
      withAuth('IAM')(i);
      md(i).IamConnectionMetadata.RoleArn = 'arn:aws:iam::1111:role/short-account';
    },
    `${IAM}.roleArn`,
    ROLE,
  ),
  c(
    'RoleArn missing',
    (i) => {
      withAuth('IAM')(i);
      delete md(i).IamConnectionMetadata.RoleArn;
    },
    `${IAM}.roleArn`,
    NULL,
  ),
  // Other members shared by Create and Update
  c(
    'Name empty',
    (i) => {
      i.Name = '';
    },
    'name',
    MIN(1),
  ),
  c(
    'Name 256 chars',
    (i) => {
      i.Name = 'n'.repeat(256);
    },
    'name',
    MAX(255),
  ),
  c(
    'Name starting with a hyphen',
    (i) => {
      i.Name = '-leading';
    },
    'name',
    PATTERN,
  ),
  c(
    'Name ending with a space',
    (i) => {
      i.Name = 'trailing ';
    },
    'name',
    PATTERN,
  ),
  c(
    'Name with a semicolon',
    (i) => {
      i.Name = 'semi;colon';
    },
    'name',
    PATTERN,
  ),
  c(
    'Name missing',
    (i) => {
      delete i.Name;
    },
    'name',
    NULL,
  ),
  c(
    'Description empty',
    (i) => {
      i.Description = '';
    },
    'description',
    MIN(1),
  ),
  c(
    'Description 2049 chars',
    (i) => {
      i.Description = 'd'.repeat(2049);
    },
    'description',
    MAX(2048),
  ),
  c(
    'Description with a forbidden character',
    (i) => {
      i.Description = 'no <html> here';
    },
    'description',
    PATTERN,
  ),
  c(
    'unknown VpcConnectionArn',
    (i) => {
      i.VpcConnectionArn = 'arn:aws:quicksight:us-east-1:111122223333:vpcConnection/unknown-vpc';
    },
    'vpcConnectionArn',
    'VPC connection',
  ),
  raw(
    'Name of the wrong JSON type',
    (b) => {
      b.Name = 42;
    },
    'name',
    'Member must be of type string',
  ),
  raw(
    'AuthenticationConfig of the wrong JSON type',
    (b) => {
      b.AuthenticationConfig = 'BASIC';
    },
    'authenticationConfig',
    'Member must be of type structure',
  ),
];

const CREATE_CASES: Case[] = [
  c(
    'ActionConnectorId empty',
    (i) => {
      i.ActionConnectorId = '';
    },
    'actionConnectorId',
    MIN(1),
  ),
  c(
    'ActionConnectorId 513 chars',
    (i) => {
      i.ActionConnectorId = 'i'.repeat(513);
    },
    'actionConnectorId',
    MAX(512),
  ),
  c(
    'ActionConnectorId with a space',
    (i) => {
      i.ActionConnectorId = 'has space';
    },
    'actionConnectorId',
    PATTERN,
    '[\\w\\-]+',
  ),
  c(
    'ActionConnectorId with a dot',
    (i) => {
      i.ActionConnectorId = 'dot.id';
    },
    'actionConnectorId',
    PATTERN,
  ),
  c(
    'ActionConnectorId with a slash',
    (i) => {
      i.ActionConnectorId = 'a/b';
    },
    'actionConnectorId',
    PATTERN,
  ),
  c(
    'ActionConnectorId starting with quicksuite-',
    (i) => {
      i.ActionConnectorId = 'quicksuite-reserved';
    },
    'actionConnectorId',
    "must not start with 'quicksuite-'",
  ),
  c(
    'ActionConnectorId starting with QuickSuite- (any case)',
    (i) => {
      i.ActionConnectorId = 'QuickSuite-reserved';
    },
    'actionConnectorId',
    "must not start with 'quicksuite-'",
  ),
  c(
    'ActionConnectorId missing',
    (i) => {
      delete i.ActionConnectorId;
    },
    'actionConnectorId',
    NULL,
  ),
  c(
    'Type not in the enum',
    (i) => {
      i.Type = 'FTP_SERVER' as qs.ActionConnectorType;
    },
    'type',
    ENUM,
    'GENERIC_HTTP',
  ),
  c(
    'Type missing',
    (i) => {
      delete i.Type;
    },
    'type',
    NULL,
  ),
  c(
    'AwsAccountId of 11 digits',
    (i) => {
      i.AwsAccountId = '11112222333';
    },
    'awsAccountId',
    MIN(12),
  ),
  c(
    'AwsAccountId of letters',
    (i) => {
      i.AwsAccountId = 'abcdefghijkl';
    },
    'awsAccountId',
    PATTERN,
  ),
  // Permissions
  c(
    'Permissions empty',
    (i) => {
      i.Permissions = [];
    },
    'permissions',
    MIN(1),
  ),
  c(
    'Permissions with 65 principals',
    (i) => {
      i.Permissions = users(65);
    },
    'permissions',
    MAX(64),
  ),
  c(
    'Principal empty',
    (i) => {
      i.Permissions = [{ Principal: '', Actions: ['quicksight:DescribeActionConnector'] }];
    },
    'permissions.1.member.principal',
    MIN(1),
  ),
  c(
    'Principal 257 chars',
    (i) => {
      i.Permissions = [{ Principal: userArnOf('u'.repeat(257 - userArnOf('').length)), Actions: ['quicksight:DescribeActionConnector'] }];
    },
    'permissions.1.member.principal',
    MAX(256),
  ),
  c(
    'Principal is a namespace',
    (i) => {
      i.Permissions = [{ Principal: `arn:aws:quicksight:us-east-1:${ACCOUNT}:namespace/default`, Actions: ['quicksight:DescribeActionConnector'] }];
    },
    'permissions.1.member.principal',
    PRINCIPAL,
  ),
  c(
    'Principal is the account root',
    (i) => {
      i.Permissions = [{ Principal: `arn:aws:iam::${ACCOUNT}:root`, Actions: ['quicksight:DescribeActionConnector'] }];
    },
    'permissions.1.member.principal',
    PRINCIPAL,
  ),
  c(
    'Principal is a bare account id',
    (i) => {
      i.Permissions = [{ Principal: ACCOUNT, Actions: ['quicksight:DescribeActionConnector'] }];
    },
    'permissions.1.member.principal',
    PRINCIPAL,
  ),
  c(
    'Principal of another account',
    (i) => {
      i.Permissions = [{ Principal: userArnOf('validation-author', OTHER_ACCOUNT), Actions: ['quicksight:DescribeActionConnector'] }];
    },
    'permissions.1.member.principal',
    `Member must be a user or group of account ${ACCOUNT}`,
  ),
  c(
    'Principal is a user that does not exist',
    (i) => {
      i.Permissions = [{ Principal: userArnOf('ghost-user'), Actions: ['quicksight:DescribeActionConnector'] }];
    },
    'permissions.1.member.principal',
    'user ghost-user does not exist',
  ),
  c(
    'Principal is a group that does not exist',
    (i) => {
      i.Permissions = [{ Principal: groupArnOf('ghost-group'), Actions: ['quicksight:DescribeActionConnector'] }];
    },
    'permissions.1.member.principal',
    'group ghost-group does not exist',
  ),
  c(
    'Principal repeated',
    (i) => {
      i.Permissions = [
        { Principal: userArnOf('admin'), Actions: ['quicksight:DescribeActionConnector'] },
        { Principal: userArnOf('admin'), Actions: ['quicksight:UpdateActionConnector'] },
      ];
    },
    'permissions.2.member.principal',
    'Member must not repeat a principal',
  ),
  c(
    'Principal missing',
    (i) => {
      i.Permissions = [{ Actions: ['quicksight:DescribeActionConnector'] } as qs.ResourcePermission];
    },
    'permissions.1.member.principal',
    NULL,
  ),
  c(
    'Actions empty',
    (i) => {
      i.Permissions = [{ Principal: userArnOf('admin'), Actions: [] }];
    },
    'permissions.1.member.actions',
    MIN(1),
  ),
  c(
    'Actions with 21 entries',
    (i) => {
      i.Permissions = [{ Principal: userArnOf('admin'), Actions: Array.from({ length: 21 }, (_, k) => ALL_ACTIONS[k % 7]!) }];
    },
    'permissions.1.member.actions',
    MAX(20),
  ),
  c(
    'Actions missing',
    (i) => {
      i.Permissions = [{ Principal: userArnOf('admin') } as qs.ResourcePermission];
    },
    'permissions.1.member.actions',
    NULL,
  ),
  c(
    'an action of another resource type',
    (i) => {
      i.Permissions = [{ Principal: userArnOf('admin'), Actions: ['quicksight:DescribeDataSet'] }];
    },
    'permissions.1.member.actions.1.member',
    ACTIONS,
    'quicksight:InvokeActionConnector]',
  ),
  c(
    'an action without the quicksight: prefix',
    (i) => {
      i.Permissions = [{ Principal: userArnOf('admin'), Actions: ['quicksight:DescribeActionConnector', 'DescribeActionConnector'] }];
    },
    'permissions.1.member.actions.2.member',
    ACTIONS,
  ),
  c(
    'a wildcard action',
    (i) => {
      i.Permissions = [
        { Principal: userArnOf('admin'), Actions: ['quicksight:DescribeActionConnector'] },
        { Principal: groupArnOf(GROUP), Actions: ['quicksight:*'] },
      ];
    },
    'permissions.2.member.actions.1.member',
    ACTIONS,
  ),
  // Tags
  c(
    'Tags empty',
    (i) => {
      i.Tags = [];
    },
    'tags',
    MIN(1),
  ),
  c(
    'Tags with 201 entries',
    (i) => {
      i.Tags = Array.from({ length: 201 }, (_, k) => ({ Key: `k${k}`, Value: 'v' }));
    },
    'tags',
    MAX(200),
  ),
  c(
    'tag Key empty',
    (i) => {
      i.Tags = [{ Key: '', Value: 'v' }];
    },
    'tags.1.member.key',
    MIN(1),
  ),
  c(
    'tag Key 129 chars',
    (i) => {
      i.Tags = [{ Key: 'k'.repeat(129), Value: 'v' }];
    },
    'tags.1.member.key',
    MAX(128),
  ),
  c(
    'tag Value empty',
    (i) => {
      i.Tags = [
        { Key: 'a', Value: 'v' },
        { Key: 'b', Value: '' },
      ];
    },
    'tags.2.member.value',
    MIN(1),
  ),
  c(
    'tag Value 257 chars',
    (i) => {
      i.Tags = [{ Key: 'a', Value: 'v'.repeat(257) }];
    },
    'tags.1.member.value',
    MAX(256),
  ),
  c(
    'tag Value missing',
    (i) => {
      i.Tags = [{ Key: 'a' } as qs.Tag];
    },
    'tags.1.member.value',
    NULL,
  ),
  c(
    'tag Key missing',
    (i) => {
      i.Tags = [{ Value: 'v' } as qs.Tag];
    },
    'tags.1.member.key',
    NULL,
  ),
  c(
    'tag Key repeated',
    (i) => {
      i.Tags = [
        { Key: 'a', Value: '1' },
        { Key: 'a', Value: '2' },
      ];
    },
    'tags',
    'Member must not repeat a tag key',
  ),
  raw(
    'Permissions of the wrong JSON type',
    (b) => {
      b.Permissions = { Principal: 'x' };
    },
    'permissions',
    'Member must be of type list',
  ),
];

async function allIds(client = admin): Promise<string[]> {
  const ids: string[] = [];
  let token: string | undefined;
  do {
    const r = await client.send(new qs.ListActionConnectorsCommand({ AwsAccountId: ACCOUNT, MaxResults: 100, NextToken: token }));
    ids.push(...r.ActionConnectorSummaries!.map((s) => s.ActionConnectorId!));
    token = r.NextToken;
  } while (token);
  return ids;
}

describe('CreateActionConnector validation', () => {
  it.each([...CREATE_CASES, ...AUTH_CASES].map((k) => [k.what, k] as const))('refuses %s', async (_what, k) => {
    const id = uid('v-create');
    const input = createInput(id, { Description: 'valid description' }) as Input;
    k.mutate(input);
    const client = k.raw ? patchBody(t.client(), k.raw) : admin;
    const before = await allIds();
    await expectInvalid(client.send(new qs.CreateActionConnectorCommand(input)), k.member, ...k.rules);
    expect(await allIds()).toEqual(before);
    await expectError(describeC(admin, id), 'ResourceNotFoundException', 404);
  });

  it('reports every broken rule at once, counting them', async () => {
    const id = uid('v-multi');
    const msg = await expectInvalid(create(admin, id, { Name: '', Type: 'NOPE' as qs.ActionConnectorType, Description: 'x;y' }), 'name', MIN(1));
    // The empty name breaks two rules (length and pattern).
    expect(msg).toMatch(/^4 validation errors detected: /);
    expect(msg).toContain(`Value at 'name' failed to satisfy constraint: ${PATTERN}`);
    expect(msg).toContain(`Value at 'type' failed to satisfy constraint: ${ENUM}`);
    expect(msg).toContain(`Value at 'description' failed to satisfy constraint: ${PATTERN}`);
  });

  it('reports the extra rules together: reserved prefix, unknown principal, bad action', async () => {
    const msg = await expectInvalid(
      create(admin, 'quicksuite-multi', {
        Permissions: [{ Principal: userArnOf('ghost-two'), Actions: ['quicksight:Nope'] }],
      }),
      'actionConnectorId',
      "must not start with 'quicksuite-'",
    );
    expect(msg).toMatch(/^3 validation errors detected: /);
    expect(msg).toContain("Value at 'permissions.1.member.principal' failed to satisfy constraint");
    expect(msg).toContain("Value at 'permissions.1.member.actions.1.member' failed to satisfy constraint");
  });

  it('never echoes the values it refuses (they may be secrets)', async () => {
    const secret = 'VALUE-THAT-MUST-NOT-BE-ECHOED-1234';
    const input = createInput(uid('v-echo')) as Input;
    md(input).BasicAuthConnectionMetadata.BaseEndpoint = `http://${secret}.example.com`;
    input.Name = `${secret};`;
    const msg = await expectInvalid(admin.send(new qs.CreateActionConnectorCommand(input)), 'name', PATTERN);
    expect(msg).not.toContain(secret);
  });

  it('accepts the valid edges of the rules it enforces', async () => {
    const ok: [string, (i: Input) => void][] = [
      [
        'id of letters, digits, _ and -',
        (i) => {
          i.ActionConnectorId = `Ok_id-${i.ActionConnectorId}`;
        },
      ],
      [
        'quicksuite without the hyphen',
        (i) => {
          i.ActionConnectorId = `quicksuite${i.ActionConnectorId}`;
        },
      ],
      [
        'one-character name',
        (i) => {
          i.Name = 'x';
        },
      ],
      [
        'name with inner underscores, hyphens and spaces',
        (i) => {
          i.Name = 'A_b- c9';
        },
      ],
      [
        '64 principals',
        (i) => {
          i.Permissions = [
            { Principal: userArnOf('admin'), Actions: [...ALL_ACTIONS] },
            ...Array.from({ length: 63 }, (_, k) => ({ Principal: groupArnOf(`edge-${k}`), Actions: ['quicksight:DescribeActionConnector'] })),
          ];
        },
      ],
      [
        '20 actions (repeats collapse)',
        (i) => {
          i.Permissions = [{ Principal: userArnOf('admin'), Actions: Array.from({ length: 20 }, (_, k) => ALL_ACTIONS[k % 7]!) }];
        },
      ],
      [
        'IAM role ARN with a path',
        (i) => {
          i.Type = 'AMAZON_S3';
          i.AuthenticationConfig = {
            AuthenticationType: 'IAM',
            AuthenticationMetadata: { IamConnectionMetadata: { RoleArn: 'arn:aws:iam::111122223333:role/service-role/my.Role+x=1,y@z' } },
          };
        },
      ],
      [
        'BaseEndpoint with a port and path',
        (i) => {
          md(i).BasicAuthConnectionMetadata.BaseEndpoint = 'https://api.example.com:8443/v2/base';
        },
      ],
      // The model sets no minimum length for ClientId, but an empty one is refused (issue 13,
      // test/security-secrets-input.test.ts): the edge is one character.
      [
        'client credentials with a one-character ClientId',
        (i) => {
          withAuth('OAUTH2_CLIENT_CREDENTIALS')(i);
          md(i).ClientCredentialsGrantMetadata.ClientCredentialsDetails.ClientCredentialsGrantDetails.ClientId = 'x';
        },
      ],
    ];
    await t.addUser(
      'edge-user',
      'READER',
      Array.from({ length: 63 }, (_, k) => `edge-${k}`),
    );
    for (const [what, mutate] of ok) {
      const id = uid('v-ok');
      const input = createInput(id) as Input;
      mutate(input);
      const r = await admin.send(new qs.CreateActionConnectorCommand(input)).catch((e: Error) => {
        throw new Error(`${what}: ${e.message}`);
      });
      expect(r.CreationStatus, what).toBe('CREATION_SUCCESSFUL');
    }
  });
});

describe('connector type and AuthenticationType (each type accepts only some)', () => {
  const TYPE = 'authenticationConfig.authenticationType';
  // [type, a refused AuthenticationType, the list the type accepts as the message gives it]
  const REFUSED: [qs.ActionConnectorType, qs.ConnectionAuthType, string][] = [
    ['GENERIC_HTTP', 'IAM', '[NONE, BASIC, API_KEY, OAUTH2_CLIENT_CREDENTIALS, OAUTH2_AUTHORIZATION_CODE]'],
    ['SLACK', 'BASIC', '[OAUTH2_AUTHORIZATION_CODE, API_KEY]'],
    ['AMAZON_S3', 'API_KEY', '[IAM]'],
    ['SALESFORCE_CRM', 'NONE', '[OAUTH2_AUTHORIZATION_CODE, OAUTH2_CLIENT_CREDENTIALS]'],
    ['SERVICENOW_NOW_PLATFORM', 'NONE', '[OAUTH2_AUTHORIZATION_CODE, OAUTH2_CLIENT_CREDENTIALS, BASIC, API_KEY]'],
    ['SAP_MATERIALSTOCK', 'NONE', '[OAUTH2_CLIENT_CREDENTIALS, OAUTH2_AUTHORIZATION_CODE, BASIC, API_KEY]'],
  ];

  it.each(REFUSED)('Create refuses %s with %s, naming the member and the allowed list, creating nothing', async (type, auth, allowed) => {
    const id = uid('v-pair-create');
    const before = await allIds();
    const msg = await expectInvalid(create(admin, id, { Type: type, AuthenticationConfig: AUTH[auth] }), TYPE, allowed, type, `(got ${auth})`);
    expect(msg).toMatch(/^1 validation error detected: /);
    expect(msg).toContain(
      `Value at '${TYPE}' failed to satisfy constraint: Member must be one of the authentication types connector type ${type} supports: ${allowed} (got ${auth})`,
    );
    expect(await allIds()).toEqual(before);
    await expectError(describeC(admin, id), 'ResourceNotFoundException', 404);
  });

  it.each(REFUSED)('Update refuses %s with %s, naming the member and the allowed list, changing nothing', async (type, auth, allowed) => {
    const id = uid('v-pair-update');
    await create(admin, id, { Type: type, Description: 'original description', Tags: [{ Key: 'keep', Value: 'me' }] });
    const before = await snapshot(admin, id);
    const msg = await expectInvalid(
      admin.send(
        new qs.UpdateActionConnectorCommand({
          AwsAccountId: ACCOUNT,
          ActionConnectorId: id,
          Name: 'New Name',
          Description: 'new description',
          AuthenticationConfig: AUTH[auth],
        }),
      ),
      TYPE,
      allowed,
      type,
      `(got ${auth})`,
    );
    expect(msg).toMatch(/^1 validation error detected: /);
    expect(msg).toContain(
      `Value at '${TYPE}' failed to satisfy constraint: Member must be one of the authentication types connector type ${type} supports: ${allowed} (got ${auth})`,
    );
    expect(await snapshot(admin, id)).toEqual(before);
  });

  it('counts a refused pair with the other broken rules of the same request', async () => {
    const id = `quicksuite-${uid('v-pair-multi')}`;
    const msg = await expectInvalid(
      create(admin, id, { Type: 'SLACK', AuthenticationConfig: AUTH.NONE }),
      TYPE,
      '[OAUTH2_AUTHORIZATION_CODE, API_KEY]',
      '(got NONE)',
    );
    expect(msg).toMatch(/^2 validation errors detected: /);
    expect(msg).toContain("Value at 'actionConnectorId' failed to satisfy constraint: Member must not start with 'quicksuite-'");
    await expectError(describeC(admin, id), 'ResourceNotFoundException', 404);
  });
});

describe('UpdateActionConnector validation', () => {
  const UPDATE_CASES = AUTH_CASES;
  it.each(UPDATE_CASES.map((k) => [k.what, k] as const))('refuses %s and changes nothing', async (_what, k) => {
    const id = uid('v-update');
    const input = createInput(id, { Description: 'new description', Name: 'New Name' }) as Input;
    k.mutate(input);
    // The connector is of a type that accepts the update's AuthenticationType (IAM: AMAZON_S3), so only the case's rule is broken.
    await create(admin, id, { Type: input.Type, Description: 'original description', Tags: [{ Key: 'keep', Value: 'me' }] });
    const before = await snapshot(admin, id);
    const { Type: _type, Tags: _tags, Permissions: _perms, ...update } = input;
    const client = k.raw ? patchBody(t.client(), k.raw) : admin;
    await expectInvalid(client.send(new qs.UpdateActionConnectorCommand(update as qs.UpdateActionConnectorCommandInput)), k.member, ...k.rules);
    expect(await snapshot(admin, id)).toEqual(before);
  });

  it('refuses a malformed account in the path', async () => {
    await expectInvalid(
      admin.send(new qs.UpdateActionConnectorCommand({ AwsAccountId: '1111222233334', ActionConnectorId: 'fine', Name: 'x', AuthenticationConfig: AUTH.NONE })),
      'awsAccountId',
      MAX(12),
    );
  });

  it('refuses an invalid ActionConnectorId in the path', async () => {
    for (const bad of ['dot.id', 'i'.repeat(513), 'sp ace']) {
      await expectInvalid(
        admin.send(new qs.UpdateActionConnectorCommand({ AwsAccountId: ACCOUNT, ActionConnectorId: bad, Name: 'x', AuthenticationConfig: AUTH.NONE })),
        'actionConnectorId',
      );
    }
  });
});

describe('path members of Describe, Delete and the permission operations', () => {
  const ops: [string, (k: { AwsAccountId: string; ActionConnectorId: string }) => Promise<unknown>][] = [
    ['Describe', (k) => admin.send(new qs.DescribeActionConnectorCommand(k))],
    ['Delete', (k) => admin.send(new qs.DeleteActionConnectorCommand(k))],
    ['DescribePermissions', (k) => admin.send(new qs.DescribeActionConnectorPermissionsCommand(k))],
    [
      'UpdatePermissions',
      (k) =>
        admin.send(
          new qs.UpdateActionConnectorPermissionsCommand({
            ...k,
            GrantPermissions: [{ Principal: userArnOf('admin'), Actions: ['quicksight:DescribeActionConnector'] }],
          }),
        ),
    ],
  ];
  it.each(ops)('%s refuses a malformed id or account', async (_name, op) => {
    await expectInvalid(op({ AwsAccountId: ACCOUNT, ActionConnectorId: 'dot.id' }), 'actionConnectorId', PATTERN);
    await expectInvalid(op({ AwsAccountId: ACCOUNT, ActionConnectorId: 'i'.repeat(513) }), 'actionConnectorId', MAX(512));
    await expectInvalid(op({ AwsAccountId: '1234', ActionConnectorId: 'fine' }), 'awsAccountId', MIN(12));
    await expectInvalid(op({ AwsAccountId: '1111x2223333', ActionConnectorId: 'fine' }), 'awsAccountId', PATTERN);
  });
});

describe('ListActionConnectors and SearchActionConnectors validation', () => {
  const list = (MaxResults: number) => admin.send(new qs.ListActionConnectorsCommand({ AwsAccountId: ACCOUNT, MaxResults }));
  const search = (input: Partial<qs.SearchActionConnectorsCommandInput>, client = admin) =>
    client.send(new qs.SearchActionConnectorsCommand({ AwsAccountId: ACCOUNT, Filters: [], ...input } as qs.SearchActionConnectorsCommandInput));
  const f = (Name: string, Operator: string, Value: string) => [{ Name, Operator, Value }] as qs.ActionConnectorSearchFilter[];

  it('List MaxResults must be 1..100', async () => {
    await expectInvalid(list(0), 'maxResults', 'Member must have value greater than or equal to 1');
    await expectInvalid(list(-3), 'maxResults', 'Member must have value greater than or equal to 1');
    await expectInvalid(list(101), 'maxResults', 'Member must have value less than or equal to 100');
    expect((await list(1)).ActionConnectorSummaries).toBeDefined();
    expect((await list(100)).ActionConnectorSummaries).toBeDefined();
    const c = patchQuery(t.client(), (q) => {
      q['max-results'] = 'ten';
    });
    await expectInvalid(c.send(new qs.ListActionConnectorsCommand({ AwsAccountId: ACCOUNT, MaxResults: 10 })), 'maxResults', 'Member must be of type integer');
  });

  it('List refuses a malformed account', async () => {
    await expectInvalid(admin.send(new qs.ListActionConnectorsCommand({ AwsAccountId: '12' })), 'awsAccountId', MIN(12));
  });

  it('Search refuses a malformed account', async () => {
    await expectInvalid(search({ AwsAccountId: 'x11122223333' }), 'awsAccountId', PATTERN);
  });

  it('Search MaxResults must be 0..100', async () => {
    await expectInvalid(search({ MaxResults: -1 }), 'maxResults', 'Member must have value greater than or equal to 0');
    await expectInvalid(search({ MaxResults: 101 }), 'maxResults', 'Member must have value less than or equal to 100');
    for (const n of [0, 1, 100]) expect((await search({ MaxResults: n })).ActionConnectorSummaries).toBeDefined();
  });

  it('Search takes at most one filter, and Filters is required', async () => {
    await expectInvalid(
      search({ Filters: [...f('ACTION_CONNECTOR_NAME', 'StringEquals', 'a'), ...f('ACTION_CONNECTOR_TYPE', 'StringEquals', 'SLACK')] }),
      'filters',
      MAX(1),
    );
    await expectInvalid(search({ Filters: undefined }), 'filters', NULL);
  });

  it('Search filter members: enums and required', async () => {
    await expectInvalid(search({ Filters: f('OWNER', 'StringEquals', 'x') }), 'filters.1.member.name', ENUM, 'ACTION_CONNECTOR_NAME');
    await expectInvalid(search({ Filters: f('ACTION_CONNECTOR_NAME', 'StringContains', 'x') }), 'filters.1.member.operator', ENUM, 'StringEquals, StringLike');
    await expectInvalid(
      search({ Filters: [{ Name: 'ACTION_CONNECTOR_NAME', Operator: 'StringEquals' }] as qs.ActionConnectorSearchFilter[] }),
      'filters.1.member.value',
      NULL,
    );
    await expectInvalid(search({ Filters: [{ Operator: 'StringEquals', Value: 'x' }] as qs.ActionConnectorSearchFilter[] }), 'filters.1.member.name', NULL);
  });

  it('Search refuses StringLike on the type filter and on every owner filter', async () => {
    await expectInvalid(
      search({ Filters: f('ACTION_CONNECTOR_TYPE', 'StringLike', 'SLACK') }),
      'filters.1.member',
      'ACTION_CONNECTOR_TYPE supports only the StringEquals operator',
    );
    for (const name of [
      'QUICKSIGHT_OWNER',
      'QUICKSIGHT_VIEWER_OR_OWNER',
      'DIRECT_QUICKSIGHT_OWNER',
      'DIRECT_QUICKSIGHT_VIEWER_OR_OWNER',
      'DIRECT_QUICKSIGHT_SOLE_OWNER',
    ]) {
      await expectInvalid(
        search({ Filters: f(name, 'StringLike', userArnOf('admin')) }),
        'filters.1.member',
        `${name} supports only the StringEquals operator`,
      );
    }
  });

  it('Search refuses an owner filter whose value is not a user or group ARN of the account', async () => {
    for (const value of ['admin', `arn:aws:quicksight:us-east-1:${ACCOUNT}:namespace/default`, userArnOf('admin', OTHER_ACCOUNT)]) {
      await expectInvalid(search({ Filters: f('QUICKSIGHT_OWNER', 'StringEquals', value) }), 'filters.1.member', 'Filter value must be a user or group ARN');
    }
  });
});

describe('UpdateActionConnectorPermissions validation', () => {
  const cases: [string, qs.ResourcePermission[] | undefined, qs.ResourcePermission[] | undefined, string, string[]][] = [
    ['empty GrantPermissions', [], undefined, 'grantPermissions', [MIN(1)]],
    ['empty RevokePermissions', undefined, [], 'revokePermissions', [MIN(1)]],
    ['65 grants', users(65), undefined, 'grantPermissions', [MAX(64)]],
    ['65 revokes', undefined, users(65), 'revokePermissions', [MAX(64)]],
    ['a grant with no actions', [{ Principal: userArnOf('admin'), Actions: [] }], undefined, 'grantPermissions.1.member.actions', [MIN(1)]],
    [
      'a grant with 21 actions',
      [{ Principal: userArnOf('admin'), Actions: Array.from({ length: 21 }, () => 'quicksight:DescribeActionConnector') }],
      undefined,
      'grantPermissions.1.member.actions',
      [MAX(20)],
    ],
    [
      'an unknown action in a revoke',
      undefined,
      [{ Principal: userArnOf('admin'), Actions: ['quicksight:DescribeActionConnector', 'quicksight:DeleteDataSet'] }],
      'revokePermissions.1.member.actions.2.member',
      [ACTIONS],
    ],
    [
      'a grant to a user that does not exist',
      [{ Principal: userArnOf('ghost-3'), Actions: ['quicksight:DescribeActionConnector'] }],
      undefined,
      'grantPermissions.1.member.principal',
      ['does not exist'],
    ],
    [
      'a grant to a namespace',
      [{ Principal: `arn:aws:quicksight:us-east-1:${ACCOUNT}:namespace/default`, Actions: ['quicksight:DescribeActionConnector'] }],
      undefined,
      'grantPermissions.1.member.principal',
      [PRINCIPAL],
    ],
    [
      'a grant to a principal of another account',
      [{ Principal: groupArnOf(GROUP, OTHER_ACCOUNT), Actions: ['quicksight:DescribeActionConnector'] }],
      undefined,
      'grantPermissions.1.member.principal',
      [`of account ${ACCOUNT}`],
    ],
    [
      'a principal longer than 256',
      [{ Principal: 'p'.repeat(257), Actions: ['quicksight:DescribeActionConnector'] }],
      undefined,
      'grantPermissions.1.member.principal',
      [MAX(256)],
    ],
    [
      'a second grant with an empty principal',
      [
        { Principal: userArnOf('admin'), Actions: ['quicksight:DescribeActionConnector'] },
        { Principal: '', Actions: ['quicksight:DescribeActionConnector'] },
      ],
      undefined,
      'grantPermissions.2.member.principal',
      [MIN(1)],
    ],
  ];
  it.each(cases)('refuses %s and changes nothing', async (_what, grant, revoke, member, rules) => {
    const id = uid('v-perms');
    await create(admin, id, {
      Permissions: [
        { Principal: userArnOf('admin'), Actions: [...ALL_ACTIONS] },
        { Principal: author.arn, Actions: ['quicksight:DescribeActionConnector'] },
      ],
    });
    const before = await snapshot(admin, id);
    await expectInvalid(
      admin.send(
        new qs.UpdateActionConnectorPermissionsCommand({ AwsAccountId: ACCOUNT, ActionConnectorId: id, GrantPermissions: grant, RevokePermissions: revoke }),
      ),
      member,
      ...rules,
    );
    expect(await snapshot(admin, id)).toEqual(before);
  });
});

describe('TagResource, UntagResource and ListTagsForResource validation', () => {
  it.each([
    ['no tags', [], 'tags', MIN(1)],
    ['201 tags', Array.from({ length: 201 }, (_, k) => ({ Key: `k${k}`, Value: 'v' })), 'tags', MAX(200)],
    ['an empty key', [{ Key: '', Value: 'v' }], 'tags.1.member.key', MIN(1)],
    ['a 129-char key', [{ Key: 'k'.repeat(129), Value: 'v' }], 'tags.1.member.key', MAX(128)],
    ['an empty value', [{ Key: 'a', Value: '' }], 'tags.1.member.value', MIN(1)],
    ['a 257-char value', [{ Key: 'a', Value: 'v'.repeat(257) }], 'tags.1.member.value', MAX(256)],
    [
      'a repeated key',
      [
        { Key: 'a', Value: '1' },
        { Key: 'a', Value: '2' },
      ],
      'tags',
      'Member must not repeat a tag key',
    ],
  ] as [string, qs.Tag[], string, string][])('TagResource refuses %s and changes nothing', async (_what, tags, member, rule) => {
    const id = uid('v-tag');
    await create(admin, id, { Tags: [{ Key: 'keep', Value: 'me' }] });
    const before = await snapshot(admin, id);
    await expectInvalid(admin.send(new qs.TagResourceCommand({ ResourceArn: connArn(id), Tags: tags })), member, rule);
    expect(await snapshot(admin, id)).toEqual(before);
  });

  it('TagResource requires Tags', async () => {
    const id = uid('v-tag-null');
    await create(admin, id);
    await expectInvalid(admin.send(new qs.TagResourceCommand({ ResourceArn: connArn(id) } as qs.TagResourceCommandInput)), 'tags', NULL);
  });

  it('UntagResource requires 1..200 keys of 1..128 characters', async () => {
    const id = uid('v-untag');
    await create(admin, id, { Tags: [{ Key: 'keep', Value: 'me' }] });
    const before = await snapshot(admin, id);
    const untag = (TagKeys: string[]) => admin.send(new qs.UntagResourceCommand({ ResourceArn: connArn(id), TagKeys }));
    await expectInvalid(untag([]), 'tagKeys', NULL);
    await expectInvalid(untag(Array.from({ length: 201 }, (_, k) => `k${k}`)), 'tagKeys', MAX(200));
    await expectInvalid(untag(['keep', 'k'.repeat(129)]), 'tagKeys.2.member', MAX(128));
    await expectInvalid(untag(['']), 'tagKeys.1.member', MIN(1));
    expect(await snapshot(admin, id)).toEqual(before);
  });

  it('refuses a ResourceArn that is not an action-connector ARN, on all three operations', async () => {
    for (const arn of [
      'not-an-arn',
      `arn:aws:quicksight:us-east-1:${ACCOUNT}:dashboard/d1`,
      `arn:aws:s3:::bucket`,
      `arn:aws:quicksight:us-east-1:${ACCOUNT}:action-connector/`,
      `arn:aws:quicksight:us-east-1:1234:action-connector/x`,
    ]) {
      const rule = 'Member must be an action-connector ARN';
      await expectInvalid(admin.send(new qs.TagResourceCommand({ ResourceArn: arn, Tags: [{ Key: 'a', Value: 'b' }] })), 'resourceArn', rule);
      await expectInvalid(admin.send(new qs.UntagResourceCommand({ ResourceArn: arn, TagKeys: ['a'] })), 'resourceArn', rule);
      await expectInvalid(admin.send(new qs.ListTagsForResourceCommand({ ResourceArn: arn })), 'resourceArn', rule);
    }
  });
});
