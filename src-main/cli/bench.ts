// `npm run bench -- --terminals N`: filled in by the live-session work (issue: live session).
console.error('bench: 尚未实现（见 docs/benchmarks.md）');
process.exitCode = 1;
