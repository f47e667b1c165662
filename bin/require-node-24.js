// mesodesk runs on the Node 24 that its `node` dependency installs under node_modules/.bin. Started
// with an older Node directly (`node bin/...`), its native modules, built for Node 24, would crash.
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  console.error(
    `mesodesk: needs Node 24 or later, but this is Node ${process.versions.node}; start it through npm ` +
      '(npm start, npx mesodesk, npm run mesodesk) so that the Node 24 in node_modules/.bin is used',
  );
  process.exit(1);
}
