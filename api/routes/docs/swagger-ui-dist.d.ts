/** The one function Herald uses from swagger-ui-dist, which ships no types. */
declare module 'swagger-ui-dist' {
  export function getAbsoluteFSPath(): string;
}
