import type { Action, ResourceName } from '@outcomes/contracts';

/** The slice of JSON Schema the NestJS swagger plugin emits for our DTOs. */
export interface Schema {
  type?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  pattern?: string;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  nullable?: boolean;
  additionalProperties?: boolean | Schema;
  $ref?: string;
}

interface Operation {
  parameters?: { name: string; in: string }[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  'x-permission'?: { resource: ResourceName; action: Action };
}

export interface Endpoint {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** OpenAPI path template, e.g. /api/groups/{id}/members/{enrolmentId}. */
  path: string;
  key: string;
  pathParams: string[];
  queryParams: string[];
  /** The DTO's name (components/schemas) and its schema with $refs resolved. */
  schemaName?: string;
  schema?: Schema;
  permission?: { resource: ResourceName; action: Action };
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

export const WRITE_METHODS = ['POST', 'PUT', 'PATCH', 'DELETE'] as const;
/** The three simple-rest list parameters; an endpoint taking all three is a list. */
export const LIST_PARAMS = ['sort', 'range', 'filter'] as const;

/** Resolves $refs (the DTOs do not recurse, so a plain copy terminates). */
export function resolve(schema: Schema, doc: OpenApiDocument): Schema {
  if (schema.$ref) {
    const name = schema.$ref.replace('#/components/schemas/', '');
    const target = doc.components.schemas[name];
    if (!target) throw new Error(`OpenAPI: ${schema.$ref} is not in components/schemas`);
    return resolve(target, doc);
  }
  const out: Schema = { ...schema };
  if (schema.properties) out.properties = Object.fromEntries(Object.entries(schema.properties).map(([k, v]) => [k, resolve(v, doc)]));
  if (schema.items) out.items = resolve(schema.items, doc);
  return out;
}

export function endpoints(doc: OpenApiDocument): Endpoint[] {
  const out: Endpoint[] = [];
  for (const [path, operations] of Object.entries(doc.paths)) {
    for (const [verb, op] of Object.entries(operations)) {
      const method = verb.toUpperCase() as Endpoint['method'];
      const content = op.requestBody ? Object.values(op.requestBody.content)[0] : undefined;
      const schemaName = content?.schema.$ref?.replace('#/components/schemas/', '');
      out.push({
        method,
        path,
        key: `${method} ${path}`,
        pathParams: (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name),
        queryParams: (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
        schemaName,
        schema: content ? resolve(content.schema, doc) : undefined,
        permission: op['x-permission'],
      });
    }
  }
  return out;
}

export const isList = (e: Endpoint): boolean => e.method === 'GET' && LIST_PARAMS.every((p) => e.queryParams.includes(p));
