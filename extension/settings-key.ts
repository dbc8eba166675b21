/**
 * Where the reader's settings are stored ("sync:settings" for the storage
 * library the popup writes them with): alone in this file so the script on
 * every page can watch them without bundling their schema.
 */
export const SETTINGS_AREA = 'sync';
export const SETTINGS_KEY = 'settings';
