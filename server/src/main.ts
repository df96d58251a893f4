// Language server entry point (placeholder until the lsp/ layer lands).
process.stderr.write('ttnn-l1-lsp: not implemented yet\n');
process.exit(2);
