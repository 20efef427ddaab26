import path from "node:path";

/**
 * A small ESLint rule for the dependency directions of STYLE.md: each entry names the files it applies to
 * (a regular expression on the path from the repository root) and the imports they may not make (regular
 * expressions on the resolved import: a root-relative path for relative imports, the bare name otherwise).
 */
export const importDirectionRule = {
  meta: {
    type: "problem",
    schema: [
      {
        type: "array",
        items: {
          type: "object",
          properties: {
            files: { type: "string" },
            except: { type: "string" },
            disallow: { type: "array", items: { type: "string" } },
            message: { type: "string" },
          },
          required: ["files", "disallow", "message"],
        },
      },
    ],
  },
  create(context) {
    const root = context.cwd;
    const file = path.relative(root, context.filename).split(path.sep).join("/");
    const rules = (context.options[0] ?? []).filter(
      (rule) => new RegExp(rule.files).test(file) && !(rule.except && new RegExp(rule.except).test(file)),
    );
    if (rules.length === 0) return {};

    function check(node, source) {
      if (typeof source !== "string") return;
      const target = source.startsWith(".")
        ? path.relative(root, path.resolve(path.dirname(context.filename), source)).split(path.sep).join("/")
        : source;
      for (const rule of rules) {
        // `$1` in a disallowed pattern stands for what the first group of `files` matched (e.g. the own feature).
        const own = new RegExp(rule.files).exec(file)?.[1] ?? "";
        const pattern = (expression) => new RegExp(expression.replaceAll("$1", own));
        if (rule.disallow.some((expression) => pattern(expression).test(target))) {
          context.report({ node, message: `${rule.message} (${source})` });
        }
      }
    }
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === "Literal" && check(node, node.source.value),
    };
  },
};
