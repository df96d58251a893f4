// CLI entry point (placeholder until the cli/ layer lands).
process.stderr.write('ttnn-l1: not implemented yet\n');
process.exit(2);
