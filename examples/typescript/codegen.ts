// GraphQL Code Generator: the types of Jisr's schema and of the operations in
// src/operations/, from the schema file `jisr schema export > schema.graphql` writes, so
// no server is needed to generate them.
import type { CodegenConfig } from "@graphql-codegen/cli";

const config: CodegenConfig = {
  schema: "schema.graphql",
  documents: ["src/operations/*.graphql"],
  generates: {
    "src/generated/graphql.ts": {
      plugins: ["typescript-operations", "typed-document-node"],
      config: {
        // Jisr's scalars travel as ISO 8601 strings: "2026-12-02T14:00:00Z", "2026-12-02";
        // JSON (a territory's GeoJSON boundary) as whatever the JSON holds.
        scalars: {
          DateTime: { input: "string", output: "string" },
          Date: { input: "string", output: "string" },
          JSON: { input: "unknown", output: "unknown" },
        },
        strictScalars: true,
        enumsAsTypes: true,
        useTypeImports: true,
        avoidOptionals: { field: true, inputValue: false, object: false },
      },
    },
  },
};

export default config;
