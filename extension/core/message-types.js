/** Names of the messages between the extension's parts, prefixed by direction. */
export const CONTENT_GET_BUNDLE = "content-to-background:get-bundle";
export const OPTIONS_RELOAD_BUNDLE = "options-to-background:reload-bundle";
export const OPTIONS_BUNDLE_STATE = "options-to-background:bundle-state";
export const OPTIONS_TEST_SERVER = "options-to-background:test-server";
export const POPUP_ATTENTION = "popup-to-background:attention";
export const BACKGROUND_COMMAND = "background-to-content:command";
