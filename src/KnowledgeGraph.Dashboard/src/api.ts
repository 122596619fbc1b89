// The GraphQL calls the dashboard makes, and the shapes it reads back.

export type EntityType = "Person" | "Organization" | "Product" | "Location";

export interface EntitySummary {
  id: string;
  name: string;
  chineseName: string | null;
  type: EntityType;
  degree: number;
  aliases: string[];
}

export interface RelationEdge {
  id: string;
  type: string;
  confidence: number;
  firstDate: string | null;
  lastDate: string | null;
  attributes: { amount: number | null; currency: string | null; date: string | null; round: string | null; role: string | null };
  subject: { id: string };
  object: { id: string };
}

export interface Neighbourhood {
  nodes: EntitySummary[];
  edges: RelationEdge[];
  truncated: boolean;
}

export interface EvidenceItem {
  sentence: { text: string };
  article: { id: string; title: string | null; publishedAt: string | null };
  confidence: number;
}

export interface Evidenced {
  evidence: { totalCount: number; edges: { node: EvidenceItem }[] };
}

export interface EntityRelation extends Evidenced {
  id: string;
  type: string;
  confidence: number;
  firstDate: string | null;
  lastDate: string | null;
  attributes: RelationEdge["attributes"];
  subject: { id: string; name: string; chineseName: string | null };
  object: { id: string; name: string; chineseName: string | null };
}

export interface EntityDetails extends EntitySummary {
  relations: { totalCount: number; edges: { node: EntityRelation }[] };
}

export interface Deal {
  id: string;
  kind: string;
  amount: number | null;
  currency: string | null;
  date: string | null;
  round: string | null;
  confidence: number;
  articleId: string;
  evidence: { text: string };
  parties: { role: string; entity: EntitySummary }[];
}

export interface ArticleSummary {
  id: string;
  title: string | null;
  publishedAt: string | null;
}

/** A GraphQL error answer or a transport failure, with a message fit to show on the page. */
export class QueryError extends Error {}

const ENTITY_FIELDS = "id name chineseName type degree aliases";
const EVIDENCE_FIELDS = "evidence(first: 20) { totalCount edges { node { confidence sentence { text } article { id title publishedAt } } } }";
const ATTRIBUTE_FIELDS = "attributes { amount currency date round role }";
const PAGE_SIZE = 500;
const MAX_PAGES = 20;

async function query<T>(text: string, variables: Record<string, unknown> = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch("graphql", {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/graphql-response+json, application/json" },
      body: JSON.stringify({ query: text, variables }),
    });
  } catch (failure) {
    throw new QueryError(`The service could not be reached (${(failure as Error).message}).`);
  }
  let answer: { data?: T | null; errors?: { message: string }[] };
  try {
    answer = await response.json();
  } catch {
    throw new QueryError(`The service answered ${response.status} ${response.statusText} without a GraphQL result.`);
  }
  if (answer.errors?.length)
    throw new QueryError(answer.errors.map((e) => e.message).join(" "));
  if (!response.ok || answer.data == null)
    throw new QueryError(`The service answered ${response.status} ${response.statusText}.`);
  return answer.data;
}

/** Pages through a connection until its end, or MAX_PAGES pages, whichever comes first. */
async function allPages<T>(
  fetchPage: (after: string | null) => Promise<{ edges: { node: T }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } }>,
): Promise<T[]> {
  const items: T[] = [];
  let after: string | null = null;
  for (let page = 0; page < MAX_PAGES; page++) {
    const connection = await fetchPage(after);
    items.push(...connection.edges.map((e) => e.node));
    if (!connection.pageInfo.hasNextPage)
      break;
    after = connection.pageInfo.endCursor;
  }
  return items;
}

export async function suggestEntities(search: string, first = 8): Promise<EntitySummary[]> {
  const data = await query<{ entities: { edges: { node: EntitySummary }[] } }>(
    `query Suggest($search: String, $first: Int) { entities(search: $search, first: $first) { edges { node { ${ENTITY_FIELDS} } } } }`,
    { search, first },
  );
  return data.entities.edges.map((e) => e.node);
}

export async function mostConnected(top = 6): Promise<EntitySummary[]> {
  const data = await query<{ stats: { mostConnected: EntitySummary[] } }>(
    `query MostConnected($top: Int) { stats(top: $top) { mostConnected { ${ENTITY_FIELDS} } } }`,
    { top },
  );
  return data.stats.mostConnected;
}

export async function neighbourhood(id: string, depth: number, limit = 300): Promise<Neighbourhood> {
  const data = await query<{ neighbourhood: Neighbourhood }>(
    `query Network($id: ID!, $depth: Int, $limit: Int) {
       neighbourhood(id: $id, depth: $depth, limit: $limit) {
         truncated
         nodes { ${ENTITY_FIELDS} }
         edges { id type confidence firstDate lastDate ${ATTRIBUTE_FIELDS} subject { id } object { id } }
       }
     }`,
    { id, depth, limit },
  );
  return data.neighbourhood;
}

export async function entityDetails(id: string): Promise<EntityDetails> {
  const data = await query<{ entity: EntityDetails }>(
    `query Details($id: ID!) {
       entity(id: $id) {
         ${ENTITY_FIELDS}
         relations(first: 200) {
           totalCount
           edges { node {
             id type confidence firstDate lastDate ${ATTRIBUTE_FIELDS}
             subject { id name chineseName } object { id name chineseName }
             ${EVIDENCE_FIELDS}
           } }
         }
       }
     }`,
    { id },
  );
  return data.entity;
}

/** One relation with its evidence; the API finds relations by their endpoints, so ask for the subject's and pick it. */
export async function relationDetails(id: string, subjectId: string, type: string): Promise<EntityRelation | undefined> {
  const relations = await allPages(async (after) => {
    const data = await query<{ relations: { edges: { node: EntityRelation }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } }>(
      `query Relation($entities: [ID!], $types: [RelationType!], $after: String) {
         relations(entities: $entities, types: $types, direction: OUTGOING, first: ${PAGE_SIZE}, after: $after) {
           pageInfo { hasNextPage endCursor }
           edges { node {
             id type confidence firstDate lastDate ${ATTRIBUTE_FIELDS}
             subject { id name chineseName } object { id name chineseName }
             ${EVIDENCE_FIELDS}
           } }
         }
       }`,
      { entities: [subjectId], types: [type], after },
    );
    return data.relations;
  });
  return relations.find((r) => r.id === id);
}

export async function allDeals(): Promise<Deal[]> {
  return allPages(async (after) => {
    const data = await query<{ deals: { edges: { node: Deal }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } }>(
      `query Deals($after: String) {
         deals(first: ${PAGE_SIZE}, after: $after) {
           pageInfo { hasNextPage endCursor }
           edges { node {
             id kind amount currency date round confidence articleId evidence { text }
             parties { role entity { ${ENTITY_FIELDS} } }
           } }
         }
       }`,
      { after },
    );
    return data.deals;
  });
}

export async function allArticles(): Promise<ArticleSummary[]> {
  return allPages(async (after) => {
    const data = await query<{ articles: { edges: { node: ArticleSummary }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } }>(
      `query Articles($after: String) {
         articles(first: ${PAGE_SIZE}, after: $after) { pageInfo { hasNextPage endCursor } edges { node { id title publishedAt } } }
       }`,
      { after },
    );
    return data.articles;
  });
}
