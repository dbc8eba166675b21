// What every host of core/ has beyond ES2023 (the page, the worker, the popup, Node), no more of it than core/ uses:
// lib.dom would bring the whole DOM with them. Compiled with core/ alone (tsconfig.core.json); the main typecheck
// leaves it out (tsconfig.json), as it would clash with lib.dom's declarations, which hold core/'s uses to the real ones.
interface URL {
  readonly origin: string;
  readonly protocol: string;
  readonly hostname: string;
  readonly pathname: string;
  readonly search: string;
}
// A global's declaration, as lib.dom's: `let` would make it a binding of the script, not a property of the global.
// eslint-disable-next-line no-var
declare var URL: { new (url: string): URL };
declare function atob(data: string): string;
declare function btoa(data: string): string;
