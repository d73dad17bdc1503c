// Vite's explicit URL imports (`file?url`): the URL of the file as emitted with the build.
declare module '*?url' {
  const url: string;
  export default url;
}
