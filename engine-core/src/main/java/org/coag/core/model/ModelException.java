package org.coag.core.model;

/**
 * A model or configuration problem the user can fix. Its message is one line that names the
 * field or the limit; the CLI prints it without a stack trace and exits non-zero.
 */
public class ModelException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message one line naming the field or limit
     */
    public ModelException(String message) {
        super(message);
    }
}
