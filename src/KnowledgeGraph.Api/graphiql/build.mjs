// Bundles GraphiQL, React and the page script into dist/ (app.js, app.css, index.html) for the API to serve.
import { build } from "esbuild";
import { copyFile, mkdir } from "node:fs/promises";

await mkdir("dist", { recursive: true });
await build({
  entryPoints: { app: "app.jsx" },
  bundle: true,
  minify: true,
  format: "iife",
  target: "es2020",
  jsx: "automatic",
  loader: { ".woff": "dataurl", ".woff2": "dataurl", ".ttf": "dataurl", ".svg": "dataurl" },
  define: { "process.env.NODE_ENV": '"production"' },
  outdir: "dist",
  logLevel: "warning",
});
await copyFile("index.html", "dist/index.html");
