// Prints the name, version, licence and licence text of every package under the
// node_modules folder given: all that the copied browser builds may bundle.
import { readdirSync, readFileSync, existsSync } from "node:fs";
import { join } from "node:path";

const root = process.argv[2];
const seen = new Map();

function visit(folder) {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name.startsWith(".")) continue;
    const path = join(folder, entry.name);
    if (entry.name.startsWith("@")) {
      visit(path);
      continue;
    }
    const manifest = join(path, "package.json");
    if (existsSync(manifest)) {
      const pkg = JSON.parse(readFileSync(manifest, "utf8"));
      const key = `${pkg.name}@${pkg.version}`;
      if (pkg.name && !seen.has(key)) seen.set(key, { pkg, path });
    }
    const nested = join(path, "node_modules");
    if (existsSync(nested)) visit(nested);
  }
}

function licenceText(path) {
  const files = readdirSync(path).filter((f) => /^(licen[cs]e|copying)/i.test(f));
  return files.map((f) => readFileSync(join(path, f), "utf8").trim()).join("\n\n");
}

visit(root);
const out = [
  "Third-party software in the files of this folder, as taken by ../vendor.sh from npm.",
  "Where a package ships no licence file, its package.json licence applies; the",
  "@graphiql packages come from the same repository as graphiql, whose LICENSE is above them.",
  "",
];
for (const key of [...seen.keys()].sort()) {
  const { pkg, path } = seen.get(key);
  const licence = typeof pkg.license === "string" ? pkg.license : JSON.stringify(pkg.license);
  out.push("=".repeat(78), `${key} (${licence})`, "");
  out.push(licenceText(path) || `No licence file in the package; its package.json says ${licence}.`, "");
}
process.stdout.write(out.join("\n"));
