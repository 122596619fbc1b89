// Every word the page shows, in Chinese and English, and how entities are named in each.

export type Language = "zh" | "en";

const relationNames: Record<string, [zh: string, en: string]> = {
  INVESTED_IN: ["投资", "invested in"],
  ACQUIRED: ["收购", "acquired"],
  ACQUIHIRED: ["人才收购", "acqui-hired"],
  LICENSED_TO: ["授权", "licensed to"],
  PARTNERED_WITH: ["合作", "partnered with"],
  COMPETES_WITH: ["竞争", "competes with"],
  DEVELOPS: ["开发", "develops"],
  USES: ["使用", "uses"],
  FOUNDED: ["创立", "founded"],
  JOINED: ["加入", "joined"],
  LEFT: ["离开", "left"],
  WORKS_FOR: ["任职于", "works for"],
  REPORTS_TO: ["汇报给", "reports to"],
  PART_OF: ["隶属", "part of"],
};

export const dealKinds = ["INVESTED_IN", "ACQUIRED", "ACQUIHIRED", "LICENSED_TO", "PARTNERED_WITH"];
export const otherRelationTypes = Object.keys(relationNames).filter((t) => !dealKinds.includes(t));

const entityTypeNames: Record<string, [zh: string, en: string]> = {
  Organization: ["机构", "Organization"],
  Person: ["人物", "Person"],
  Product: ["产品", "Product"],
  Location: ["地点", "Location"],
};

const words = {
  title: ["AI 产业交易网络", "AI industry deal network"],
  searchLabel: ["搜索实体", "Search entities"],
  searchPlaceholder: ["输入中文或英文名称，如 微软 / OpenAI", "Chinese or English name, e.g. 微软 / OpenAI"],
  networkTab: ["关系网络", "Network"],
  dealsTab: ["交易", "Deals"],
  hops: ["跳数", "Hops"],
  filters: ["筛选", "Filters"],
  dealKinds: ["交易类型", "Deal kinds"],
  otherRelations: ["其他关系", "Other relations"],
  years: ["年份", "Years"],
  from: ["起", "from"],
  to: ["止", "to"],
  minConfidence: ["最低置信度", "Minimum confidence"],
  export: ["导出", "Export"],
  exportPng: ["PNG 图片", "PNG image"],
  exportGraphml: ["GraphML", "GraphML"],
  fit: ["适应窗口", "Fit"],
  relayout: ["重新布局", "Re-layout"],
  start: ["从搜索开始，或选择一个关联最多的实体：", "Start with a search, or pick one of the most connected entities:"],
  loading: ["加载中…", "Loading…"],
  noMatch: ["没有与“{0}”匹配的实体。", "No entity matches “{0}”."],
  emptyNetwork: ["{0} 在当前筛选下没有关系。", "{0} has no relations under the current filters."],
  emptyDeals: ["所选时期和类型内没有交易。", "No deals in the chosen period and kinds."],
  failed: ["查询失败：{0}", "The query failed: {0}"],
  shown: ["显示 {0} 个节点、{1} 条边", "{0} nodes, {1} edges shown"],
  truncated: ["（网络过大，已截断）", "(network cut short at the limit)"],
  dealsShown: ["{0} 笔交易，{1} 家机构", "{0} deals between {1} organizations"],
  names: ["名称", "Names"],
  aliases: ["别名", "Aliases"],
  type: ["类型", "Type"],
  degree: ["关系数", "Relations"],
  relations: ["关系", "Relations"],
  evidence: ["证据", "Evidence"],
  noEvidence: ["没有证据句。", "No evidence sentences."],
  expand: ["展开", "Expand"],
  pin: ["固定", "Pin"],
  unpin: ["取消固定", "Unpin"],
  centre: ["以此为中心", "Centre on it"],
  close: ["关闭", "Close"],
  date: ["日期", "Date"],
  kind: ["类型", "Kind"],
  parties: ["参与方", "Parties"],
  amount: ["金额", "Amount"],
  confidence: ["置信度", "Confidence"],
  article: ["文章", "Article"],
  inView: ["视图中的实体", "Entities in view"],
  legend: ["图例：边宽按交易金额（对数）", "Legend: deal edges widen with the amount (log scale)"],
  undated: ["无日期", "undated"],
  more: ["另有 {0} 条", "{0} more"],
} satisfies Record<string, [string, string]>;

export type WordKey = keyof typeof words;

let current: Language = "zh";

export function language(): Language {
  return current;
}

export function setLanguage(value: Language): void {
  current = value;
}

function pick(pair: [string, string]): string {
  return current === "zh" ? pair[0] : pair[1];
}

export function t(key: WordKey, ...values: (string | number)[]): string {
  return values.reduce<string>((text, value, i) => text.replace(`{${i}}`, String(value)), pick(words[key]));
}

export function relationName(type: string): string {
  const pair = relationNames[type];
  return pair ? pick(pair) : type;
}

export function entityTypeName(type: string): string {
  const pair = entityTypeNames[type];
  return pair ? pick(pair) : type;
}

/** The entity's name in the chosen language; entities without a Chinese name keep their English one. */
export function entityLabel(entity: { name: string; chineseName: string | null }): string {
  return current === "zh" ? entity.chineseName ?? entity.name : entity.name;
}

export function formatAmount(amount: number | null, currency: string | null): string {
  if (amount == null)
    return "—";
  const formatted = new Intl.NumberFormat(current === "zh" ? "zh-CN" : "en-US", { notation: "compact", maximumFractionDigits: 2 })
    .format(amount);
  return currency ? `${formatted} ${currency}` : formatted;
}

export function formatDate(value: string | null): string {
  return value ? value.slice(0, 10) : t("undated");
}
