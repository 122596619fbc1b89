// Bundles the dashboard into the service's static files: ../KnowledgeGraph.Api/wwwroot (or the folder given as the first argument).
import { build } from "esbuild";
import { copyFile, mkdir } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const output = resolve(process.argv[2] ?? join(here, "../KnowledgeGraph.Api/wwwroot"));

await mkdir(output, { recursive: true });
await build({
  entryPoints: [join(here, "src/main.ts")],
  bundle: true,
  format: "esm",
  target: "es2022",
  minify: true,
  outfile: join(output, "dashboard.js"),
  logLevel: "warning",
});
for (const file of ["index.html", "dashboard.css"])
  await copyFile(join(here, "static", file), join(output, file));
console.log(`dashboard bundled into ${output}`);
