import type { Page } from '@playwright/test';

interface CdpNode {
  nodeId: number;
  backendNodeId: number;
  nodeType: number;
  nodeName: string;
  localName?: string;
  nodeValue?: string;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
}

/**
 * The card lives in a closed shadow root, which Playwright locators cannot enter
 * (by design: neither can the page). The DevTools protocol pierces it.
 */
async function documentTree(page: Page): Promise<CdpNode> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    return root;
  } finally {
    await cdp.detach();
  }
}

function findHost(node: CdpNode, localName: string): CdpNode | undefined {
  if (node.localName === localName) return node;
  for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) {
    const found = findHost(child, localName);
    if (found) return found;
  }
  return undefined;
}

function visibleText(node: CdpNode, out: string[]): void {
  if (node.nodeType === 3 && node.nodeValue) out.push(node.nodeValue);
  if (node.localName === 'style' || node.localName === 'script') return;
  // Hidden parts (a collapsed quote) are not what the reader sees.
  if (node.attributes?.includes('hidden')) return;
  for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) visibleText(child, out);
}

/** Text a reader sees in our UI under the host element `localName`, or null if it is not mounted. */
export async function shadowUiText(page: Page, localName = 'backstory-card'): Promise<string | null> {
  const host = findHost(await documentTree(page), localName);
  if (!host) return null;
  const out: string[] = [];
  visibleText(host, out);
  return out.join(' ').replace(/\s+/g, ' ').trim();
}
