/**
 * The answer schemas of the OpenAPI document, read from what the controllers return: for each
 * controller method, the TypeScript checker's (awaited) return type turned into a JSON schema
 * (OpenAPI 3.0 dialect). Services return interfaces, entities and inferred object literals that
 * the swagger plugin cannot describe; the checker sees all of them, so the document says what the
 * code compiles against. Named interfaces, classes and type aliases become components; a `Date`
 * is the ISO string it serializes to. scripts/openapi-metadata.js writes the result to
 * src/openapi.responses.ts; src/openapi.ts applies it; test/openapi.e2e-spec.ts validates real
 * answers against it.
 */
const ts = require('typescript');

/** Types that describe no JSON body: the method writes the answer itself (`@Res()`) or streams a file. */
const NO_BODY = new Set(['void', 'undefined', 'never', 'StreamableFile']);

/** @param {ts.Program} program @param {(fileName: string) => boolean} isController */
function responseSchemas(program, isController) {
  const checker = program.getTypeChecker();
  const F = ts.TypeFlags;
  /** @type {Record<string, object>} */
  const components = {};
  /** Component name → the declaration it stands for (two declarations of one name get a suffix). */
  const owners = new Map();
  /** @type {Record<string, object>} */
  const operations = {};

  const nameOf = (type) => {
    const alias = type.aliasSymbol;
    if (alias && !type.aliasTypeArguments?.length) return { name: alias.getName(), decl: alias.declarations?.[0] };
    const sym = type.getSymbol();
    if (!sym || type.aliasTypeArguments?.length) return null;
    const name = sym.getName();
    if (name.startsWith('__') || (type.objectFlags & ts.ObjectFlags.Reference && type.typeArguments?.length)) return null;
    const decl = sym.declarations?.[0];
    if (!decl || !(ts.isInterfaceDeclaration(decl) || ts.isClassDeclaration(decl))) return null;
    if (decl.getSourceFile().isDeclarationFile) return null;
    return { name, decl };
  };

  const componentName = (name, decl) => {
    let candidate = name;
    for (let i = 2; owners.has(candidate) && owners.get(candidate) !== decl; i++) candidate = `${name}${i}`;
    owners.set(candidate, decl);
    return candidate;
  };

  const isDate = (type) => type.getSymbol()?.getName() === 'Date' && !!type.getSymbol()?.declarations?.[0]?.getSourceFile().isDeclarationFile;

  /** The schema of `type`; `seen` guards anonymous recursion. */
  function schemaOf(type, seen = new Set()) {
    if (type.flags & (F.Any | F.Unknown)) return {};
    if (type.flags & F.StringLike) return literalOr(type, 'string');
    if (type.flags & F.NumberLike) return literalOr(type, 'number');
    if (type.flags & F.BooleanLiteral) return { type: 'boolean', enum: [checker.typeToString(type) === 'true'] };
    if (type.flags & F.Boolean) return { type: 'boolean' };
    if (type.flags & F.Null) return { nullable: true };
    if (type.isUnion()) return unionOf(type, seen);
    if (isDate(type)) return { type: 'string', format: 'date-time' };
    if (checker.isArrayType(type) || checker.isTupleType(type)) {
      const args = checker.getTypeArguments(type);
      return { type: 'array', items: args.length === 1 ? schemaOf(args[0], seen) : anyOf(args.map((a) => schemaOf(a, seen))) };
    }
    if (type.flags & F.NonPrimitive) return { type: 'object' };
    if (type.flags & F.Object || type.isIntersection()) {
      const named = nameOf(type);
      if (named) {
        const name = componentName(named.name, named.decl);
        if (!components[name]) {
          components[name] = {};
          components[name] = objectOf(type, seen);
        }
        return { $ref: `#/components/schemas/${name}` };
      }
      if (seen.has(type)) return { type: 'object' };
      return objectOf(type, new Set(seen).add(type));
    }
    return {};
  }

  function literalOr(type, base) {
    return type.isLiteral() ? { type: base, enum: [type.value] } : { type: base };
  }

  function anyOf(schemas) {
    return schemas.length === 1 ? schemas[0] : { anyOf: schemas };
  }

  function unionOf(type, seen) {
    const parts = type.types.filter((t) => !(t.flags & (F.Undefined | F.Void)));
    const nullable = parts.some((t) => t.flags & F.Null);
    const rest = parts.filter((t) => !(t.flags & F.Null));
    let schema;
    if (rest.length > 0 && rest.every((t) => t.flags & F.BooleanLiteral)) {
      schema = rest.length === 2 ? { type: 'boolean' } : schemaOf(rest[0], seen);
    } else if (rest.length > 0 && rest.every((t) => t.isStringLiteral())) {
      schema = { type: 'string', enum: rest.map((t) => t.value).sort() };
    } else if (rest.length > 0 && rest.every((t) => t.isNumberLiteral())) {
      schema = { type: 'number', enum: rest.map((t) => t.value).sort((a, b) => a - b) };
    } else {
      const withBool = collapseBooleans(rest);
      schema = anyOf(withBool.map((t) => (t === 'boolean' ? { type: 'boolean' } : schemaOf(t, seen))));
    }
    if (!nullable) return schema;
    // OpenAPI 3.0: `nullable` does not apply beside a bare $ref; wrap it.
    return schema.$ref ? { nullable: true, allOf: [schema] } : { ...schema, nullable: true };
  }

  function collapseBooleans(types) {
    const bools = types.filter((t) => t.flags & F.BooleanLiteral);
    const others = types.filter((t) => !(t.flags & F.BooleanLiteral));
    return bools.length === 2 ? [...others, 'boolean'] : types;
  }

  function objectOf(type, seen) {
    const properties = {};
    const required = [];
    for (const prop of checker.getPropertiesOfType(type)) {
      const decl = prop.valueDeclaration ?? prop.declarations?.[0];
      const propType = decl ? checker.getTypeOfSymbolAtLocation(prop, decl) : checker.getTypeOfSymbol(prop);
      if (propType.getCallSignatures().length > 0) continue;
      if (decl && ts.getCombinedModifierFlags(decl) & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)) continue;
      properties[prop.getName()] = schemaOf(propType, seen);
      const optional = prop.flags & ts.SymbolFlags.Optional;
      if (!optional && !(propType.isUnion() && propType.types.some((t) => t.flags & F.Undefined))) required.push(prop.getName());
    }
    const index = checker.getIndexInfosOfType(type)[0];
    const schema = { type: 'object', properties };
    if (required.length) schema.required = required;
    if (index) schema.additionalProperties = schemaOf(index.type, seen);
    return schema;
  }

  for (const sf of program.getSourceFiles()) {
    if (!isController(sf.fileName)) continue;
    for (const cls of sf.statements.filter(ts.isClassDeclaration)) {
      if (!cls.name) continue;
      for (const member of cls.members) {
        if (!ts.isMethodDeclaration(member) || !member.name || !ts.isIdentifier(member.name)) continue;
        const signature = checker.getSignatureFromDeclaration(member);
        if (!signature) continue;
        const returned = checker.getReturnTypeOfSignature(signature);
        const type = checker.getAwaitedType(returned) ?? returned;
        if (NO_BODY.has(checker.typeToString(type))) continue;
        operations[`${cls.name.text}_${member.name.text}`] = schemaOf(type);
      }
    }
  }
  return { components: sortKeys(components), operations: sortKeys(operations) };
}

function sortKeys(record) {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
}

module.exports = { responseSchemas };
