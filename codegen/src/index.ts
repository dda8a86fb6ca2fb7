// Public API of @docsmith/codegen: the loader, the transcriber and the emitters.
export { main } from "./cli/main.js";
