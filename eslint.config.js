import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";
import { importDirectionRule } from "./tools/eslint/import-direction-rule.js";

const test = "\\.(int\\.)?test\\.tsx?$";

/** STYLE.md: handlers → use cases → domain; adapters implement ports; nothing imports a handler. */
const importDirections = [
  {
    files: "^contracts/src/",
    except: test,
    disallow: ["^(?!contracts/src/)"],
    message: "contracts are pure TypeScript shared by the API and the Mini App: they import only each other",
  },
  {
    files: "^functions/src/domain/",
    disallow: ["^functions/src/(?!domain/)", "^node:", "^@aws-sdk/", "^zod(/|$)"],
    message: "the domain imports nothing outside itself",
  },
  {
    files: "^functions/src/ports/",
    disallow: ["^functions/src/(adapters|use-cases|handlers|composition|config)/", "^@aws-sdk/"],
    message: "ports name roles; they do not depend on implementations",
  },
  {
    files: "^functions/src/use-cases/",
    except: test,
    disallow: ["^functions/src/(adapters|handlers|composition|config)/", "^@aws-sdk/"],
    message: "use cases depend on the domain and ports only",
  },
  {
    files: "^functions/src/adapters/",
    except: test,
    disallow: ["^functions/src/(use-cases|handlers|composition)/"],
    message: "adapters implement ports; they do not call use cases or handlers",
  },
  {
    files: "^functions/src/config/",
    except: test,
    disallow: ["^functions/src/(adapters|use-cases|handlers|composition|ports)/"],
    message: "configuration reads the environment and the domain's parsers; everything else reads configuration",
  },
  {
    files: "^functions/src/handlers/",
    except: test,
    disallow: ["^functions/src/(adapters|composition)/", "^@aws-sdk/"],
    message: "handlers get their adapters from composition, which imports them, never the other way (composition/entries/ are the Lambda entry points)",
  },
  {
    files: "^functions/src/(?!composition/)",
    except: test,
    disallow: ["\\.handler(\\.js)?$"],
    message: "nothing imports a handler",
  },
  {
    files: "^functions/src/",
    disallow: ["^(local|e2e|bench)/", "^@motcua/(local|e2e|bench)"],
    message: "dev-only code never reaches a Lambda bundle",
  },
  {
    files: "^miniapp/src/(?!platform/)",
    disallow: ["^zmp-sdk"],
    message: "only miniapp/src/platform imports zmp-sdk",
  },
  {
    files: "^miniapp/src/features/([^/]+)/",
    disallow: ["^miniapp/src/features/(?!$1/)"],
    message: "a feature does not import another feature",
  },
  {
    files: "^miniapp/src/(platform|copy)/",
    except: test,
    disallow: ["^miniapp/src/(app|pages|features)/"],
    message: "platform and copy are leaves",
  },
];

/** How the functions import zod: the mini API, as a namespace. */
const zodImportRules = [
  {
    selector: "ImportDeclaration[source.value='zod/mini'][importKind!='type'] > ImportSpecifier",
    message: 'import * as z from "zod/mini": esbuild then keeps only the parts a Lambda bundle uses',
  },
  {
    selector: "ImportDeclaration[source.value='zod']",
    message: 'zod\'s mini API in the functions (import * as z from "zod/mini"): the full API costs a Lambda ≈ 15 ms of cold start to import, and more to build each schema',
  },
];

/**
 * No zod schema built when a module loads: a module-level `const x = z.object(…)` (or `z.string().check(…)`,
 * `z.iso.datetime()`, `{ field: z.optional(…) }`) runs in every cold start of every bundle that holds the module.
 */
const moduleLevelDeclarators = ["Program > VariableDeclaration > VariableDeclarator", "Program > ExportNamedDeclaration > VariableDeclaration > VariableDeclarator"];
const callsOnZ = ["callee.object", "callee.object.object", "callee.object.callee.object", "callee.object.callee.object.object"];
const eagerZodSchemaMessage =
  "a module-level zod schema is built at every cold start of each Lambda that bundles it: wrap it in z.lazy(() => …) (and building blocks in small functions), so it is built on the first parse";
const eagerZodSchemaRules = moduleLevelDeclarators.flatMap((declarator) => [
  ...callsOnZ.map((path) => ({
    selector: `${declarator} > CallExpression.init[${path}.name="z"]:not([callee.property.name="lazy"])`,
    message: eagerZodSchemaMessage,
  })),
  { selector: `${declarator} > ObjectExpression.init > Property > CallExpression.value[callee.object.name="z"]`, message: eagerZodSchemaMessage },
]);

export default tseslint.config(
  {
    ignores: ["**/node_modules/**", "**/dist/**", "**/www/**", "**/cdk.out/**", ".motcua/**", "e2e/artifacts/**"],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    plugins: { house: { rules: { "import-direction": importDirectionRule } } },
    rules: {
      "house/import-direction": ["error", importDirections],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
      "no-console": "off",
    },
  },
  {
    files: ["functions/src/**/*.ts"],
    rules: { "no-restricted-syntax": ["error", ...zodImportRules] },
  },
  {
    // Replaces the entry above for these files (flat config), so it repeats the import rules.
    files: ["functions/src/**/*.ts"],
    ignores: ["functions/src/**/*.test.ts"],
    rules: { "no-restricted-syntax": ["error", ...zodImportRules, ...eagerZodSchemaRules] },
  },
  {
    files: ["miniapp/**/*.{ts,tsx}"],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { "react-hooks": reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
);
