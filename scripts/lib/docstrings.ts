// Finds exported functions without a JSDoc comment, so `lib/` keeps its contract written down:
// every function another module may call says what it takes, what it returns and what it throws.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

/** Files under lib/ that the rule does not cover: generated code, tests, and files other branches own. */
export const DOCSTRING_EXEMPT = [/^lib\/generated\//, /\.test\.tsx?$/, /\.d\.ts$/];

/** One exported function that lacks a JSDoc comment; `line` is 1-based. */
export type MissingDocstring = { file: string; line: number; name: string };

/** Unwraps `(fn)`, `fn as T` and `fn satisfies T` down to the expression inside. */
function unwrap(expression: ts.Expression): ts.Expression {
  let current = expression;
  while (ts.isParenthesizedExpression(current) || ts.isAsExpression(current) || ts.isSatisfiesExpression(current)) {
    current = current.expression;
  }
  return current;
}

function isFunctionValue(expression: ts.Expression | undefined): boolean {
  if (!expression) return false;
  const inner = unwrap(expression);
  return ts.isArrowFunction(inner) || ts.isFunctionExpression(inner);
}

function hasExportModifier(node: ts.Node): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
}

/** The JSDoc block written directly above `node`, if it has any text. */
function hasJsDoc(node: ts.Node): boolean {
  return ts.getJSDocCommentsAndTags(node).some((doc) => ts.isJSDoc(doc) && (doc.comment !== undefined || (doc.tags?.length ?? 0) > 0));
}

/**
 * Lists the exported functions of one TypeScript source that have no JSDoc comment.
 * Counts `export function`, `export default function`, `export const f = (…) => …` / `function (…) {…}`,
 * and local functions exported by name (`export { f }`). Overloads need the comment on their first
 * signature only. Re-exports from other modules (`export { f } from "./x"`) are checked where they are declared.
 * Input: the file's path (as it should appear in the report) and its text; output: one entry per undocumented function.
 */
export function findMissingDocstrings(file: string, text: string): MissingDocstring[] {
  const source = ts.createSourceFile(
    file,
    text,
    ts.ScriptTarget.Latest,
    true,
    file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const missing: MissingDocstring[] = [];
  const seen = new Set<string>();
  const report = (node: ts.Node, name: string) => {
    if (seen.has(name)) return;
    seen.add(name);
    const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
    missing.push({ file, line, name });
  };
  const documented = new Set<string>();

  const localFunctions = new Map<string, ts.Node>();
  for (const statement of source.statements) {
    if (ts.isFunctionDeclaration(statement) && statement.name) {
      if (!localFunctions.has(statement.name.text)) localFunctions.set(statement.name.text, statement);
    } else if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        if (ts.isIdentifier(declaration.name) && isFunctionValue(declaration.initializer))
          localFunctions.set(declaration.name.text, statement);
      }
    }
  }

  const check = (node: ts.Node, name: string) => {
    if (documented.has(name)) return;
    if (hasJsDoc(node)) documented.add(name);
    else report(node, name);
  };

  for (const statement of source.statements) {
    if (ts.isFunctionDeclaration(statement) && hasExportModifier(statement)) {
      const name = statement.name?.text ?? "default";
      // Overloads: the first signature carries the comment; later ones (and the body) need none.
      if (seen.has(name) || documented.has(name)) continue;
      check(statement, name);
    } else if (ts.isVariableStatement(statement) && hasExportModifier(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        if (ts.isIdentifier(declaration.name) && isFunctionValue(declaration.initializer)) check(statement, declaration.name.text);
      }
    } else if (ts.isExportAssignment(statement) && isFunctionValue(statement.expression)) {
      check(statement, "default");
    } else if (
      ts.isExportDeclaration(statement) &&
      !statement.moduleSpecifier &&
      statement.exportClause &&
      ts.isNamedExports(statement.exportClause)
    ) {
      for (const element of statement.exportClause.elements) {
        const local = (element.propertyName ?? element.name).text;
        const declaration = localFunctions.get(local);
        if (declaration) check(declaration, element.name.text);
      }
    }
  }
  return missing;
}

function listTypeScript(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" ? [] : listTypeScript(full);
    return entry.isFile() && /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** Every undocumented exported function under `<root>/lib`, minus DOCSTRING_EXEMPT; paths are root-relative with `/`. */
export function missingDocstringsInLib(root: string): MissingDocstring[] {
  return listTypeScript(path.join(root, "lib"))
    .map((full) => path.relative(root, full).split(path.sep).join("/"))
    .filter((file) => !DOCSTRING_EXEMPT.some((pattern) => pattern.test(file)))
    .sort()
    .flatMap((file) => findMissingDocstrings(file, readFileSync(path.join(root, file), "utf8")));
}
