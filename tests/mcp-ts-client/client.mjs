// Drives `ArticleBot mcp` with the official MCP TypeScript SDK client: starts the server over stdio, lists its
// tools and resources, calls `ask`, reads one article resource, and prints one JSON object on stdout.
//
//   node client.mjs <path/to/ArticleBot.dll> "<question>"
//
// Exit code 0 on success; 1 with a message on stderr when anything fails.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";

const [dll, question] = process.argv.slice(2);
if (!dll || !question) {
  console.error('usage: node client.mjs <path/to/ArticleBot.dll> "<question>"');
  process.exit(2);
}

const transport = new StdioClientTransport({
  command: "dotnet",
  args: [dll, "mcp"],
  env: { ...process.env, DOTNET_NOLOGO: "1" },
  stderr: "inherit",
});
const client = new Client({ name: "articlebot-ts-test", version: "1.0.0" });

try {
  await client.connect(transport);
  const { tools } = await client.listTools();
  const { resources } = await client.listResources();
  const ask = await client.callTool({ name: "ask", arguments: { question } }, undefined, { timeout: 120000 });
  const article = resources.length > 0 ? await client.readResource({ uri: resources[0].uri }) : null;
  console.log(JSON.stringify({
    server: client.getServerVersion(),
    tools: tools.map((t) => t.name),
    resources: resources.map((r) => r.uri),
    ask: { isError: ask.isError ?? false, structuredContent: ask.structuredContent, text: ask.content?.[0]?.text },
    article: article ? { uri: article.contents[0].uri, length: article.contents[0].text.length } : null,
  }));
  await client.close();
  process.exit(0);
} catch (error) {
  console.error(`mcp-ts-client: ${error?.stack ?? error}`);
  await client.close().catch(() => {});
  process.exit(1);
}
