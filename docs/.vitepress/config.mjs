// The documentation site (VitePress): `npm run docs` builds it into docs/.vitepress/dist and
// checks its links (scripts/check-docs-links.mjs). Dead internal links fail the build
// (VitePress's default, kept on). Nothing here fetches anything from the internet.
import { defineConfig } from 'vitepress';

export default defineConfig({
  title: 'ActionBridge',
  description: 'Self-hosted, wire-compatible Amazon QuickSight action-connector service',
  lang: 'en',
  cleanUrls: false,
  lastUpdated: false,
  ignoreDeadLinks: false,
  themeConfig: {
    search: { provider: 'local' },
    outline: [2, 3],
    nav: [
      { text: 'Guide', link: '/guide/getting-started' },
      { text: 'Operations', link: '/operations/' },
      { text: 'Connectors', link: '/connectors/' },
      { text: 'Reference', link: '/reference/configuration' },
    ],
    sidebar: [
      {
        text: 'Guide',
        items: [
          { text: 'Getting started', link: '/guide/getting-started' },
          { text: 'Concepts', link: '/guide/concepts' },
          { text: 'Users, groups and keys', link: '/guide/users' },
          { text: 'Using the AWS SDK and CLI', link: '/guide/aws-sdk' },
          { text: 'Actions', link: '/guide/actions' },
          { text: 'Actions from an OpenAPI document', link: '/guide/api-definitions' },
          { text: 'Tools of a remote MCP server', link: '/guide/mcp-servers' },
          { text: 'Outbound connections', link: '/guide/egress' },
          { text: 'Console', link: '/guide/console' },
          { text: 'MCP for agents', link: '/guide/mcp' },
          { text: 'Client library', link: '/guide/client-library' },
          { text: 'Command line', link: '/guide/cli' },
        ],
      },
      { text: 'Security model', link: '/security' },
      {
        text: 'Operations',
        items: [
          { text: 'Running it', link: '/operations/' },
          { text: 'TLS behind a proxy', link: '/operations/tls-proxy' },
          { text: 'PostgreSQL and several nodes', link: '/operations/postgresql' },
          { text: 'Backup and restore', link: '/operations/backup' },
          { text: 'Key rotation', link: '/operations/key-rotation' },
          { text: 'Upgrades and migrations', link: '/operations/upgrades' },
          { text: 'Metrics and alerts', link: '/operations/metrics' },
        ],
      },
      {
        text: 'Connector guides',
        items: [
          { text: 'Overview', link: '/connectors/' },
          { text: 'Generic HTTP', link: '/connectors/generic-http' },
          { text: 'Atlassian (Jira, Confluence)', link: '/connectors/atlassian' },
          { text: 'Slack', link: '/connectors/slack' },
          { text: 'ServiceNow', link: '/connectors/servicenow' },
          { text: 'Salesforce', link: '/connectors/salesforce' },
          { text: 'Zendesk', link: '/connectors/zendesk' },
          { text: 'PagerDuty', link: '/connectors/pagerduty' },
          { text: 'Microsoft 365 (Graph)', link: '/connectors/microsoft' },
          { text: 'SAP S/4HANA', link: '/connectors/sap' },
          { text: 'Smartsheet', link: '/connectors/smartsheet' },
          { text: 'Asana', link: '/connectors/asana' },
          { text: 'BambooHR', link: '/connectors/bamboohr' },
          { text: 'AWS services', link: '/connectors/aws' },
        ],
      },
      {
        text: 'Reference',
        items: [
          { text: 'Configuration', link: '/reference/configuration' },
          { text: 'Extension API', link: '/reference/extension-api' },
          { text: 'Behaviour worth knowing', link: '/reference/behaviour' },
        ],
      },
    ],
  },
});
