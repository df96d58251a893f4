;;; probe.el --- observe what the README's Emacs snippet gives on the visited file  -*- lexical-binding: t -*-
;; Loaded after the snippet (as init) and `find-file' of the example: runs the command loop's hook once (where
;; `eglot-ensure' starts the server), waits for ttnn-l1 diagnostics, hovers the first line containing $HOVER_TEXT
;; and writes JSON to $LSP_OUT. Configures nothing itself. Used by test/e2e/editors.e2e.test.ts.
(require 'json)
(let* ((out (getenv "LSP_OUT"))
       (hover-text (or (getenv "HOVER_TEXT") ""))
       (deadline (+ (float-time) (/ (string-to-number (or (getenv "LSP_WAIT_MS") "20000")) 1000.0)))
       (result (list (cons 'mode (symbol-name major-mode)))))
  (condition-case err
      (progn
        (run-hooks 'post-command-hook)
        (while (and (< (float-time) deadline) (not (and (fboundp 'eglot-current-server) (eglot-current-server))))
          (accept-process-output nil 0.1))
        (let ((server (and (fboundp 'eglot-current-server) (eglot-current-server))))
          (push (cons 'connected (if server t :json-false)) result)
          (when server
            (while (and (< (float-time) deadline) (null (flymake-diagnostics)))
              (when (fboundp 'flymake-start) (flymake-start))
              (accept-process-output nil 0.2))
            (push (cons 'diagnostics
                        (vconcat (mapcar (lambda (d)
                                           (list (cons 'line (1- (line-number-at-pos (flymake-diagnostic-beg d))))
                                                 (cons 'type (format "%s" (flymake-diagnostic-type d)))
                                                 (cons 'message (flymake-diagnostic-text d))))
                                         (flymake-diagnostics))))
                  result)
            (goto-char (point-min))
            (when (and (not (string-empty-p hover-text)) (search-forward hover-text nil t))
              (goto-char (1+ (match-beginning 0)))
              (let ((hover (jsonrpc-request server :textDocument/hover (eglot--TextDocumentPositionParams))))
                (push (cons 'hover (json-encode hover)) result))))))
    (error (push (cons 'error (format "%S" err)) result)))
  (with-temp-file out (insert (json-encode result)))
  (kill-emacs 0))
