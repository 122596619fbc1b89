declare module "cytoscape-fcose" {
  const extension: cytoscape.Ext;
  export default extension;
}
