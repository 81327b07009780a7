// Deliberately broken: the sweep's self-test must report this.
setTimeout(() => {
  throw new Error('self-test worker boom');
}, 0);
