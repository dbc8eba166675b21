/** The keyboard command that moves to the page's next name and opens its card (wxt.config.ts names its keys). */
export const NEXT_MENTION_COMMAND = 'next-mention';
