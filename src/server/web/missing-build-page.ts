/** What the server shows instead of the app when web/dist has not been built. */
export const missingBuildPage = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>mesodesk: web app not built</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; padding: 0 1rem; line-height: 1.5">
<h1>The web app has not been built yet</h1>
<p>The mesodesk server is running and its API answers under <a href="/api/docs">/api/docs</a>, but the browser app is missing.</p>
<p>Build it with <code>npm run build:web</code> (or <code>npx vite build web</code>), then reload this page.</p>
</body>
</html>
`;
