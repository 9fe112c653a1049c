export function ConsoleApp() {
  return <main><h1>议事 · 会务控制台</h1></main>;
}
