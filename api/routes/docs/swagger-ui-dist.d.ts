/** The one function Herald uses from swagger-ui-dist (imported alone: the package index loads the whole UI). */
declare module 'swagger-ui-dist/absolute-path.js' {
  export default function getAbsoluteFSPath(): string;
}
