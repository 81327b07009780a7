// Vite's `?raw` suffix imports a file's text; the build inlines it into the bundle.
declare module '*.md?raw' {
  const text: string;
  export default text;
}
