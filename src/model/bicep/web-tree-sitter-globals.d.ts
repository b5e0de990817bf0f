// web-tree-sitter's typings name two globals that only the DOM and Emscripten typings declare
// (this project compiles for Node without them). Only their names are needed here.

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- a name the typings need, nothing more.
interface EmscriptenModule {}

declare namespace WebAssembly {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- as above.
  interface Module {}
}
