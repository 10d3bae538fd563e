// SAP_BUSINESSPARTNER, SAP_PRODUCTMASTERDATA, SAP_PHYSICALINVENTORY, SAP_BILLOFMATERIALS,
// SAP_MATERIALSTOCK: the S/4HANA OData v2 APIs under /sap/opu/odata/sap/ (BaseEndpoint:
// the S/4HANA host, e.g. https://my300000-api.s4hana.ondemand.com). Each main entity
// has a List (OData query options, $skiptoken paging) and a Get (by key), and where the
// service allows it a Create and an Update; writes fetch an x-csrf-token first.
// The actions are data built by `entity()` from the services' entity sets and keys.
// Each action links its service's page on the SAP Business Accelerator Hub (`reference`):
// API_BUSINESS_PARTNER and API_PHYSICAL_INVENTORY_DOC_SRV are also checked against their
// published specs (../shared/reference/vendors/sap); the product, BOM and stock services have none there.
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
  /**
   * The Update action PATCHes this entity set instead (with its own keys): the service
   * exposes the main entity read-only and changes go through another set (a physical
   * inventory document's counts are on its items). The action id stays Update{one}.
   */
  updateVia?: { set: string; keys: Key[]; what: string; example: Record<string, string> };
  /** What the entity set holds and its useful navigation properties, for the List description (an agent picks the action by it). */
  about: string;
  /** A $filter example for the List description. */
  filter: string;
  /** Example key values and changes, for the actions' Examples. */
  example: { keys: Record<string, string>; changes?: Record<string, unknown>; entity?: Record<string, unknown> };
}

const text = (maxLength: number) => ({ type: 'string', minLength: 1, maxLength });
/** A key field: SAP keys may be empty strings (e.g. a BOM's EngineeringChangeDocument). */
const keyText = (maxLength: number) => ({ type: 'string', maxLength });
const names = { type: 'array', items: { type: 'string', pattern: '^[A-Za-z0-9_/]+$' }, maxItems: 100 };
const SAP = '/sap/opu/odata/sap';
/**
 * The service's page on the SAP Business Accelerator Hub (api.sap.com), its reference:
 * the hub names a versioned service with the version appended (`;v=0002` → `_0002`).
 */
const hubPage = (service: string) => `https://api.sap.com/api/${service.replace(/;v=/, '_')}/overview`;
const ETAG_EXAMPLE = 'W/"datetimeoffset\'2025-01-01T00%3A00%3A00.0000000Z\'"';

/** The OData key predicate of an entity set's keys, as a path template. */
const predicateOf = (keys: Key[]) => (keys.length === 1 ? `'{${keys[0]!.name}|odata}'` : keys.map((k) => `${k.name}='{${k.name}|odata}'`).join(','));

function entity(spec: EntitySpec): CatalogAction[] {
  const [one, many, label, labels = `${label}s`] = spec.noun;
  const root = `${SAP}/${spec.service}`;
  const keyProps = Object.fromEntries(spec.keys.map((k) => [k.name, keyText(k.maxLength)]));
  const keyNames = spec.keys.map((k) => k.name);
  const byKey = `${root}/${spec.set}(${predicateOf(spec.keys)})`;
  const ex = spec.example.keys;
  const entityOut: Template = { Entity: '$.Body.d' };
  const actions: CatalogAction[] = [
    {
      ActionId: `List${many}`,
      Name: `List ${labels}`,
      Description:
        `Lists ${labels} (${spec.service} ${spec.set}): ${spec.about}. ` +
        `Filter takes an OData $filter, e.g. "${spec.filter}"; Select and Expand shape the entities. ` +
        `Returns Results (the entities, with their properties as ${spec.set} names them), Count when asked, and NextToken while more pages remain (pass it back: services that page server-side do so even without Top).`,
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
      Examples: [{ Title: `List ${labels} where ${spec.filter}`, Input: { Filter: spec.filter, Top: 20 } }],
    },
    {
      ActionId: `Get${one}`,
      Name: `Get ${label}`,
      Description: `Returns one ${label} by its key (${keyNames.join(', ')}), optionally with navigation properties expanded; its __metadata.etag is what an update's ETag takes.`,
      InputSchema: { type: 'object', required: keyNames, properties: { ...keyProps, Select: names, Expand: names } },
      request: { method: 'GET', path: byKey, query: { $$select: { $join: '$.Select' }, $$expand: { $join: '$.Expand' } } },
      output: { value: entityOut },
      idempotent: true,
      Examples: [{ Title: `Get ${label} ${Object.values(ex).filter(Boolean).join(' / ')}`, Input: { ...ex } }],
    },
  ];
  if (spec.create) {
    actions.push({
      ActionId: `Create${one}`,
      Name: `Create ${label}`,
      Description:
        `Creates a ${label} (POST ${spec.set}): Entity holds its properties as ${spec.set} names them, and deep-insert navigation properties as {"results": [...]}. ` +
        'Returns Entity, the created entity as SAP stored it (with the key SAP assigned and its __metadata.etag); SAP answers 400 with a message naming the property it refuses.',
      InputSchema: { type: 'object', required: ['Entity'], properties: { Entity: { type: 'object', minProperties: 1 } } },
      request: { method: 'POST', path: `${root}/${spec.set}`, csrfTokenPath: `${root}/`, body: { encoding: 'json', value: '$.Entity' } },
      output: { value: entityOut },
      idempotent: false,
      ...(spec.example.entity ? { Examples: [{ Title: `Create a ${label}`, Input: { Entity: spec.example.entity } }] } : {}),
    });
  }
  if (spec.update) {
    const via = spec.updateVia;
    const updateKeys = via?.keys ?? spec.keys;
    const updateKeyNames = updateKeys.map((k) => k.name);
    const updateSet = via?.set ?? spec.set;
    actions.push({
      ActionId: `Update${one}`,
      Name: `Update ${label}`,
      Description:
        `${via ? `${via.what} ` : `Changes properties of a ${label} (PATCH ${spec.set}); Changes holds only the properties to change, as ${spec.set} names them. `}` +
        "ETag is the entity's __metadata.etag from a Get or List, sent as If-Match: services whose entities carry ETags answer 428 (Precondition Required) to an update without it, " +
        "and 412 when the entity changed since it was read (read it again, then retry). '*' overwrites whatever is there: send it only when the user asks for that. Answers Updated: true (204).",
      InputSchema: {
        type: 'object',
        required: [...updateKeyNames, 'Changes'],
        properties: {
          ...Object.fromEntries(updateKeys.map((k) => [k.name, keyText(k.maxLength)])),
          Changes: { type: 'object', minProperties: 1 },
          ETag: { ...text(1024), description: "The entity's __metadata.etag (sent as If-Match); '*' only to overwrite regardless of concurrent changes." },
        },
      },
      request: {
        method: 'PATCH',
        path: `${root}/${updateSet}(${predicateOf(updateKeys)})`,
        csrfTokenPath: `${root}/`,
        headers: { 'If-Match': '$.ETag' },
        body: { encoding: 'json', value: '$.Changes' },
      },
      output: { value: { Updated: true } },
      idempotent: true,
      ...(spec.example.changes
        ? { Examples: [{ Title: `Update ${label}`, Input: { ...(via?.example ?? ex), Changes: spec.example.changes, ETag: ETAG_EXAMPLE } }] }
        : {}),
    });
  }
  // The service's page on the SAP Business Accelerator Hub (its entity sets, operations and fields).
  return actions.map((a) => ({ ...a, reference: hubPage(spec.service) }));
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
      about:
        "the general data of persons (BusinessPartnerCategory '1'), organizations ('2') and groups ('3'); Expand to_BusinessPartnerAddress, to_BusinessPartnerRole, to_Customer or to_Supplier for related data",
      filter: "BusinessPartnerCategory eq '2'",
      example: {
        keys: { BusinessPartner: '1000042' },
        changes: { SearchTerm1: 'ACME' },
        entity: {
          BusinessPartnerCategory: '2',
          OrganizationBPName1: 'ACME Corporation',
          SearchTerm1: 'ACME',
          to_BusinessPartnerAddress: {
            results: [{ Country: 'DE', CityName: 'Walldorf', PostalCode: '69190', StreetName: 'Dietmar-Hopp-Allee', HouseNumber: '16' }],
          },
        },
      },
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
      about: 'the postal addresses of business partners (AddressID numbers them per partner); Expand to_EmailAddress or to_PhoneNumber for contact data',
      filter: "Country eq 'DE'",
      example: {
        keys: { BusinessPartner: '1000042', AddressID: '28238' },
        changes: { CityName: 'Walldorf', PostalCode: '69190' },
        entity: {
          BusinessPartner: '1000042',
          Country: 'DE',
          CityName: 'Berlin',
          PostalCode: '10117',
          StreetName: 'Unter den Linden',
          HouseNumber: '1',
          Language: 'EN',
        },
      },
    }),
    ...entity({
      service: 'API_BUSINESS_PARTNER',
      set: 'A_Customer',
      keys: [{ name: 'Customer', maxLength: 10 }],
      noun: ['Customer', 'Customers', 'customer'],
      update: true,
      about:
        'the customer data of business partners (A_Customer cannot be created here: create the business partner with the customer role FLCU01); Expand to_CustomerCompany or to_CustomerSalesArea for company code and sales area data',
      filter: "CustomerAccountGroup eq 'CUST'",
      example: { keys: { Customer: '1000042' }, changes: { DeletionIndicator: false } },
    }),
    ...entity({
      service: 'API_BUSINESS_PARTNER',
      set: 'A_Supplier',
      keys: [{ name: 'Supplier', maxLength: 10 }],
      noun: ['Supplier', 'Suppliers', 'supplier'],
      update: true,
      about:
        'the supplier data of business partners (A_Supplier cannot be created here: create the business partner with the supplier role FLVN01); Expand to_SupplierCompany or to_SupplierPurchasingOrg for company code and purchasing data',
      filter: "SupplierAccountGroup eq 'SUPL'",
      example: { keys: { Supplier: '17300001' }, changes: { PostingIsBlocked: true } },
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
      about: 'the general data of products (type, group, base unit, weights); Expand to_Description or to_Plant for texts and plant data',
      filter: "ProductType eq 'FERT'",
      example: {
        keys: { Product: 'FG126' },
        changes: { ProductGroup: 'L004' },
        entity: {
          Product: 'FG127',
          ProductType: 'FERT',
          BaseUnit: 'PC',
          ProductGroup: 'L004',
          to_Description: { results: [{ Product: 'FG127', Language: 'EN', ProductDescription: 'Finished good 127' }] },
        },
      },
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
      about: "the descriptions of products, one per Language (the 2-letter code, e.g. 'EN')",
      filter: "Language eq 'EN'",
      example: {
        keys: { Product: 'FG126', Language: 'EN' },
        changes: { ProductDescription: 'Finished good 126, blue' },
        entity: { Product: 'FG126', Language: 'DE', ProductDescription: 'Fertigerzeugnis 126' },
      },
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
      about: 'the plant-specific data of products (MRP, purchasing, availability check, profit center), one per Plant',
      filter: "Plant eq '1010'",
      example: {
        keys: { Product: 'FG126', Plant: '1010' },
        changes: { ProfitCenter: 'YB101' },
        entity: { Product: 'FG126', Plant: '1710', ProfitCenter: 'YB101', AvailabilityCheckType: '02' },
      },
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
      // The service exposes A_PhysInventoryDocHeader read-only (GET, POST); what changes on a document is its items (counts).
      updateVia: {
        set: 'A_PhysInventoryDocItem',
        keys: [
          { name: 'FiscalYear', maxLength: 4 },
          { name: 'PhysicalInventoryDocument', maxLength: 10 },
          { name: 'PhysicalInventoryDocumentItem', maxLength: 3 },
        ],
        what:
          'Records a count on one item of a physical inventory document (PATCH A_PhysInventoryDocItem: the document header itself cannot be changed through API_PHYSICAL_INVENTORY_DOC_SRV). ' +
          "Changes are the item's properties, e.g. Quantity and UnitOfEntry with PhysicalInventoryItemIsCounted true; UpdatePhysicalInventoryItem does the same.",
        example: { FiscalYear: '2025', PhysicalInventoryDocument: '100000001', PhysicalInventoryDocumentItem: '1' },
      },
      about:
        'physical inventory documents: plant, storage location, planned count date, count and posting status; Expand to_PhysicalInventoryDocumentItem for the items to count',
      filter: "Plant eq '1010' and FiscalYear eq '2025'",
      example: {
        keys: { FiscalYear: '2025', PhysicalInventoryDocument: '100000001' },
        entity: {
          FiscalYear: '2025',
          Plant: '1010',
          StorageLocation: '101A',
          DocumentDate: '/Date(1764979200000)/',
          PhysInventoryPlannedCountDate: '/Date(1765238400000)/',
          PhysicalInventoryDocumentDesc: 'Year-end count, aisle 3',
          to_PhysicalInventoryDocumentItem: { results: [{ Material: 'FG126' }, { Material: 'FG127' }] },
        },
        changes: { Quantity: '25', UnitOfEntry: 'PC', PhysicalInventoryItemIsCounted: true },
      },
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
      about: 'the items of physical inventory documents: material, batch, stock type, book quantity, counted Quantity and whether counted or posted',
      filter: "PhysicalInventoryDocument eq '100000001'",
      example: {
        keys: { FiscalYear: '2025', PhysicalInventoryDocument: '100000001', PhysicalInventoryDocumentItem: '1' },
        changes: { Quantity: '25', UnitOfEntry: 'PC', PhysicalInventoryItemIsCounted: true },
      },
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
      about:
        'material bills of material (the BOM headers: material, plant, usage, alternative, base quantity); Expand to_BillOfMaterialItem for the components',
      create: true,
      update: true,
      filter: "Material eq 'FG126' and Plant eq '1010'",
      example: {
        keys: {
          BillOfMaterial: '00000010',
          BillOfMaterialCategory: 'M',
          BillOfMaterialVariant: '1',
          BillOfMaterialVersion: '',
          EngineeringChangeDocument: '',
          Material: 'FG126',
          Plant: '1010',
        },
        changes: { BOMHeaderText: 'Blue variant' },
        entity: {
          Material: 'FG126',
          Plant: '1010',
          BillOfMaterialVariantUsage: '1',
          BOMHeaderBaseUnit: 'PC',
          BOMHeaderQuantityInBaseUnit: '1',
          to_BillOfMaterialItem: {
            results: [{ BillOfMaterialComponent: 'RM120', BillOfMaterialItemCategory: 'L', BillOfMaterialItemQuantity: '2', BillOfMaterialItemUnit: 'PC' }],
          },
        },
      },
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
      about: 'the components of material BOMs: component material, quantity and unit, item category, validity',
      create: true,
      update: true,
      filter: "BillOfMaterial eq '00000010'",
      example: {
        keys: {
          BillOfMaterial: '00000010',
          BillOfMaterialCategory: 'M',
          BillOfMaterialVariant: '1',
          BillOfMaterialVersion: '',
          BillOfMaterialItemNodeNumber: '1',
          HeaderChangeDocument: '',
          Material: 'FG126',
          Plant: '1010',
        },
        changes: { BillOfMaterialItemQuantity: '2' },
        entity: {
          BillOfMaterial: '00000010',
          BillOfMaterialCategory: 'M',
          BillOfMaterialVariant: '1',
          Material: 'FG126',
          Plant: '1010',
          BillOfMaterialComponent: 'RM122',
          BillOfMaterialItemCategory: 'L',
          BillOfMaterialItemQuantity: '4',
          BillOfMaterialItemUnit: 'PC',
        },
      },
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
      about: 'the materials that have stock; Expand to_MatlStkInAcctMod for their quantities per plant, storage location, batch and stock type',
      filter: "startswith(Material,'FG')",
      example: { keys: { Material: 'FG126' } },
    }),
    // The stock quantities per plant, storage location, batch and stock type: listed, not addressed one by one (12 key fields).
    entity({
      service: 'API_MATERIAL_STOCK_SRV',
      set: 'A_MatlStkInAcctMod',
      keys: [{ name: 'Material', maxLength: 40 }],
      noun: ['StockQuantity', 'StockQuantities', 'stock quantity', 'stock quantities'],
      about:
        'the stock of materials per plant, storage location, batch, special stock and stock type: MatlWrhsStkQtyInMatlBaseUnit in MaterialBaseUnit; filter by Material and Plant (StorageLocation, Batch) for what is available',
      filter: "Material eq 'FG126' and Plant eq '1010'",
      example: { keys: { Material: 'FG126' } },
    })[0]!,
  ],
};
