import React from "react";
import { createRoot } from "react-dom/client";
import { GraphiQL } from "graphiql";
import "graphiql/graphiql.css";

// The page is served by the API itself, so the endpoint is the same origin's /graphql.
async function fetcher(request, options) {
  const headers = { "Content-Type": "application/json", Accept: "application/graphql-response+json, application/json" };
  Object.assign(headers, options?.headers ?? {});
  const response = await fetch("/graphql", { method: "POST", headers, body: JSON.stringify(request) });
  return response.json();
}

const defaultQuery = `# The AI-industry knowledge graph. Mutations need an X-Api-Key header (Headers tab below).
{
  entities(search: "微软", first: 5) {
    totalCount
    edges {
      node {
        id
        name
        chineseName
        relations(first: 10) {
          edges { node { type subject { name } object { name } confidence } }
        }
      }
    }
  }
}
`;

createRoot(document.getElementById("graphiql")).render(
  <GraphiQL fetcher={fetcher} defaultQuery={defaultQuery} />
);
