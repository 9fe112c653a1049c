// Preloaded with `node --require` by the Node-version guard test: the process reports an old Node
// (as the system Node 20 would) without needing one installed.
Object.defineProperty(process, 'versions', { value: { ...process.versions, node: '20.20.2' } });
