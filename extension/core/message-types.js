/** Names of the messages between the extension's parts, prefixed by direction. */
export const CONTENT_GET_BUNDLE = "content-to-background:get-bundle";
export const OPTIONS_RELOAD_BUNDLE = "options-to-background:reload-bundle";
export const OPTIONS_BUNDLE_STATE = "options-to-background:bundle-state";
