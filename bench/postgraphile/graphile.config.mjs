// PostGraphile v5 serving the Jisr directory read-only: the peer of `python -m bench.compare`.
// JISR_PG_URL names the database; PORT the port. Only actors, services, territories and
// taxonomy_terms are exposed, and no mutation.
import { PostGraphileAmberPreset } from "postgraphile/presets/amber";
import { makePgService } from "postgraphile/adaptors/pg";

const EXPOSED = ["actors", "services", "territories", "taxonomy_terms"];

/** Hides every other table of the public schema. */
const DirectoryOnlyPlugin = {
  name: "JisrDirectoryOnlyPlugin",
  version: "1.0.0",
  gather: {
    hooks: {
      pgTables_PgResourceOptions(info, event) {
        const name = event.pgClass.relname;
        if (!EXPOSED.includes(name)) {
          event.resourceOptions.extensions ??= {};
          event.resourceOptions.extensions.tags ??= {};
          event.resourceOptions.extensions.tags.behavior = "-*";
        }
      },
    },
  },
};

export default {
  extends: [PostGraphileAmberPreset],
  plugins: [DirectoryOnlyPlugin],
  pgServices: [
    makePgService({ connectionString: process.env.JISR_PG_URL, schemas: ["public"] }),
  ],
  schema: { defaultBehavior: "-insert -update -delete" },
  grafserv: { port: Number(process.env.PORT ?? 5678), graphiql: false },
  grafast: { explain: false },
};
