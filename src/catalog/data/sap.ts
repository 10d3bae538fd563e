// SAP_BUSINESSPARTNER, SAP_PRODUCTMASTERDATA, SAP_PHYSICALINVENTORY, SAP_BILLOFMATERIALS,
// SAP_MATERIALSTOCK: the S/4HANA OData v2 APIs under /sap/opu/odata/sap/ (BaseEndpoint:
// the S/4HANA host, e.g. https://my300000-api.s4hana.ondemand.com). Each main entity
// has a List (OData query options, $skiptoken paging) and a Get (by key), and where the
// service allows it a Create and an Update; writes fetch an x-csrf-token first.
// The actions are data built by `entity()` from the services' entity sets and keys.
import type { Catalog, CatalogAction, Template } from '../types.js';

interface Key {
  /** The OData property. */
  name: string;
  maxLength: number;
}

interface EntitySpec {
  service: string;
  set: string;
  keys: Key[];
  /** Nouns for ids and names: ['BusinessPartner', 'BusinessPartners', 'business partner'], and the plural label when not label + 's'. */
  noun: [string, string, string, string?];
  create?: boolean;
  update?: boolean;
  /** A $filter example for the List description. */
  filter: string;
}

const text = (maxLength: number) => ({ type: 'string', minLength: 1, maxLength });
/** A key field: SAP keys may be empty strings (e.g. a BOM's EngineeringChangeDocument). */
const keyText = (maxLength: number) => ({ type: 'string', maxLength });
const names = { type: 'array', items: { type: 'string', pattern: '^[A-Za-z0-9_/]+$' }, maxItems: 100 };
const SAP = '/sap/opu/odata/sap';

function entity(spec: EntitySpec): CatalogAction[] {
  const [one, many, label, labels = `${label}s`] = spec.noun;
  const root = `${SAP}/${spec.service}`;
  const keyProps = Object.fromEntries(spec.keys.map((k) => [k.name, keyText(k.maxLength)]));
  const keyNames = spec.keys.map((k) => k.name);
  const predicate = spec.keys.length === 1 ? `'{${keyNames[0]}|odata}'` : spec.keys.map((k) => `${k.name}='{${k.name}|odata}'`).join(',');
  const byKey = `${root}/${spec.set}(${predicate})`;
  const entityOut: Template = { Entity: '$.Body.d' };
  const actions: CatalogAction[] = [
    {
      ActionId: `List${many}`,
      Name: `List ${labels}`,
      Description: `Lists ${labels} (${spec.service} ${spec.set}) with OData query options, e.g. Filter "${spec.filter}"; pass NextToken for the next page.`,
      InputSchema: {
        type: 'object',
        properties: {
          Filter: text(4096),
          Select: names,
          Expand: names,
          OrderBy: text(1024),
          Top: { type: 'integer', minimum: 1, maximum: 5000 },
          Skip: { type: 'integer', minimum: 0 },
          Count: { type: 'boolean', description: 'Also return the number of matching entities.' },
          NextToken: text(4096),
        },
      },
      request: {
        method: 'GET',
        path: `${root}/${spec.set}`,
        query: {
          $$filter: '$.Filter',
          $$select: { $join: '$.Select' },
          $$expand: { $join: '$.Expand' },
          $$orderby: '$.OrderBy',
          $$top: '$.Top',
          $$skip: '$.Skip',
          $$inlinecount: { $if: '$.Count', $then: 'allpages' },
          $$skiptoken: '$.NextToken',
        },
      },
      output: {
        value: {
          Results: '$.Body.d.results',
          Count: { $number: '$.Body.d.__count' },
          NextToken: { $hook: 'urlQueryParam', $of: '$.Body.d.__next', $args: { name: '$skiptoken' } },
        },
      },
      pagination: { inputToken: 'NextToken', outputToken: 'NextToken' },
      idempotent: true,
    },
    {
      ActionId: `Get${one}`,
      Name: `Get ${label}`,
      Description: `Returns one ${label} by its key (${keyNames.join(', ')}), optionally with navigation properties expanded.`,
      InputSchema: { type: 'object', required: keyNames, properties: { ...keyProps, Select: names, Expand: names } },
      request: { method: 'GET', path: byKey, query: { $$select: { $join: '$.Select' }, $$expand: { $join: '$.Expand' } } },
      output: { value: entityOut },
      idempotent: true,
    },
  ];
  if (spec.create) {
    actions.push({
      ActionId: `Create${one}`,
      Name: `Create ${label}`,
      Description: `Creates a ${label}: Entity holds its properties (and deep-insert navigation properties) as ${spec.set} names them.`,
      InputSchema: { type: 'object', required: ['Entity'], properties: { Entity: { type: 'object', minProperties: 1 } } },
      request: { method: 'POST', path: `${root}/${spec.set}`, csrfTokenPath: `${root}/`, body: { encoding: 'json', value: '$.Entity' } },
      output: { value: entityOut },
      idempotent: false,
    });
  }
  if (spec.update) {
    actions.push({
      ActionId: `Update${one}`,
      Name: `Update ${label}`,
      Description: `Changes properties of a ${label} (PATCH). ETag is the entity's __metadata.etag, or '*' to skip the concurrency check where the service allows it.`,
      InputSchema: {
        type: 'object',
        required: [...keyNames, 'Changes'],
        properties: { ...keyProps, Changes: { type: 'object', minProperties: 1 }, ETag: text(1024) },
      },
      request: { method: 'PATCH', path: byKey, csrfTokenPath: `${root}/`, headers: { 'If-Match': '$.ETag' }, body: { encoding: 'json', value: '$.Changes' } },
      output: { value: { Updated: true } },
      idempotent: true,
    });
  }
  // The service's page on the SAP Business Accelerator Hub (its entity sets, operations and fields).
  return actions.map((a) => ({ ...a, reference: `https://api.sap.com/api/${spec.service}/resource` }));
}

const accept = { accept: 'application/json' };

export const sapBusinessPartner: Catalog = {
  Type: 'SAP_BUSINESSPARTNER',
  Api: 'SAP S/4HANA Business Partner (A2X) OData v2: API_BUSINESS_PARTNER',
  defaultHeaders: accept,
  actions: [
    ...entity({
      service: 'API_BUSINESS_PARTNER',
      set: 'A_BusinessPartner',
      keys: [{ name: 'BusinessPartner', maxLength: 10 }],
      noun: ['BusinessPartner', 'BusinessPartners', 'business partner'],
      create: true,
      update: true,
      filter: "BusinessPartnerCategory eq '2'",
    }),
    ...entity({
      service: 'API_BUSINESS_PARTNER',
      set: 'A_BusinessPartnerAddress',
      keys: [
        { name: 'BusinessPartner', maxLength: 10 },
        { name: 'AddressID', maxLength: 10 },
      ],
      noun: ['BusinessPartnerAddress', 'BusinessPartnerAddresses', 'business partner address', 'business partner addresses'],
      create: true,
      update: true,
      filter: "Country eq 'DE'",
    }),
    ...entity({
      service: 'API_BUSINESS_PARTNER',
      set: 'A_Customer',
      keys: [{ name: 'Customer', maxLength: 10 }],
      noun: ['Customer', 'Customers', 'customer'],
      update: true,
      filter: "CustomerAccountGroup eq 'CUST'",
    }),
    ...entity({
      service: 'API_BUSINESS_PARTNER',
      set: 'A_Supplier',
      keys: [{ name: 'Supplier', maxLength: 10 }],
      noun: ['Supplier', 'Suppliers', 'supplier'],
      update: true,
      filter: "SupplierAccountGroup eq 'SUPL'",
    }),
  ],
};

export const sapProductMasterData: Catalog = {
  Type: 'SAP_PRODUCTMASTERDATA',
  Api: 'SAP S/4HANA Product Master OData v2: API_PRODUCT_SRV',
  defaultHeaders: accept,
  actions: [
    ...entity({
      service: 'API_PRODUCT_SRV',
      set: 'A_Product',
      keys: [{ name: 'Product', maxLength: 40 }],
      noun: ['Product', 'Products', 'product'],
      create: true,
      update: true,
      filter: "ProductType eq 'FERT'",
    }),
    ...entity({
      service: 'API_PRODUCT_SRV',
      set: 'A_ProductDescription',
      keys: [
        { name: 'Product', maxLength: 40 },
        { name: 'Language', maxLength: 2 },
      ],
      noun: ['ProductDescription', 'ProductDescriptions', 'product description'],
      create: true,
      update: true,
      filter: "Language eq 'EN'",
    }),
    ...entity({
      service: 'API_PRODUCT_SRV',
      set: 'A_ProductPlant',
      keys: [
        { name: 'Product', maxLength: 40 },
        { name: 'Plant', maxLength: 4 },
      ],
      noun: ['ProductPlant', 'ProductPlants', 'product plant'],
      create: true,
      update: true,
      filter: "Plant eq '1010'",
    }),
  ],
};

export const sapPhysicalInventory: Catalog = {
  Type: 'SAP_PHYSICALINVENTORY',
  Api: 'SAP S/4HANA Physical Inventory Document OData v2: API_PHYSICAL_INVENTORY_DOC_SRV',
  defaultHeaders: accept,
  actions: [
    ...entity({
      service: 'API_PHYSICAL_INVENTORY_DOC_SRV',
      set: 'A_PhysInventoryDocHeader',
      keys: [
        { name: 'FiscalYear', maxLength: 4 },
        { name: 'PhysicalInventoryDocument', maxLength: 10 },
      ],
      noun: ['PhysicalInventoryDocument', 'PhysicalInventoryDocuments', 'physical inventory document'],
      create: true,
      update: true,
      filter: "Plant eq '1010' and FiscalYear eq '2025'",
    }),
    ...entity({
      service: 'API_PHYSICAL_INVENTORY_DOC_SRV',
      set: 'A_PhysInventoryDocItem',
      keys: [
        { name: 'FiscalYear', maxLength: 4 },
        { name: 'PhysicalInventoryDocument', maxLength: 10 },
        { name: 'PhysicalInventoryDocumentItem', maxLength: 3 },
      ],
      noun: ['PhysicalInventoryItem', 'PhysicalInventoryItems', 'physical inventory item'],
      update: true,
      filter: "PhysicalInventoryDocument eq '100000001'",
    }),
  ],
};

export const sapBillOfMaterials: Catalog = {
  Type: 'SAP_BILLOFMATERIALS',
  Api: 'SAP S/4HANA Bill of Material OData v2: API_BILL_OF_MATERIAL_SRV;v=0002',
  defaultHeaders: accept,
  actions: [
    ...entity({
      service: 'API_BILL_OF_MATERIAL_SRV;v=0002',
      set: 'MaterialBOM',
      keys: [
        { name: 'BillOfMaterial', maxLength: 8 },
        { name: 'BillOfMaterialCategory', maxLength: 1 },
        { name: 'BillOfMaterialVariant', maxLength: 2 },
        { name: 'BillOfMaterialVersion', maxLength: 4 },
        { name: 'EngineeringChangeDocument', maxLength: 12 },
        { name: 'Material', maxLength: 40 },
        { name: 'Plant', maxLength: 4 },
      ],
      noun: ['MaterialBOM', 'MaterialBOMs', 'material BOM'],
      create: true,
      update: true,
      filter: "Material eq 'FG126' and Plant eq '1010'",
    }),
    ...entity({
      service: 'API_BILL_OF_MATERIAL_SRV;v=0002',
      set: 'MaterialBOMItem',
      keys: [
        { name: 'BillOfMaterial', maxLength: 8 },
        { name: 'BillOfMaterialCategory', maxLength: 1 },
        { name: 'BillOfMaterialVariant', maxLength: 2 },
        { name: 'BillOfMaterialVersion', maxLength: 4 },
        { name: 'BillOfMaterialItemNodeNumber', maxLength: 8 },
        { name: 'HeaderChangeDocument', maxLength: 12 },
        { name: 'Material', maxLength: 40 },
        { name: 'Plant', maxLength: 4 },
      ],
      noun: ['MaterialBOMItem', 'MaterialBOMItems', 'material BOM item'],
      create: true,
      update: true,
      filter: "BillOfMaterial eq '00000010'",
    }),
  ],
};

export const sapMaterialStock: Catalog = {
  Type: 'SAP_MATERIALSTOCK',
  Api: 'SAP S/4HANA Material Stock OData v2: API_MATERIAL_STOCK_SRV (read-only)',
  defaultHeaders: accept,
  actions: [
    ...entity({
      service: 'API_MATERIAL_STOCK_SRV',
      set: 'A_MaterialStock',
      keys: [{ name: 'Material', maxLength: 40 }],
      noun: ['MaterialStock', 'MaterialStocks', 'material stock'],
      filter: "startswith(Material,'FG')",
    }),
    // The stock quantities per plant, storage location, batch and stock type: listed, not addressed one by one (12 key fields).
    entity({
      service: 'API_MATERIAL_STOCK_SRV',
      set: 'A_MatlStkInAcctMod',
      keys: [{ name: 'Material', maxLength: 40 }],
      noun: ['StockQuantity', 'StockQuantities', 'stock quantity', 'stock quantities'],
      filter: "Material eq 'FG126' and Plant eq '1010'",
    })[0]!,
  ],
};
