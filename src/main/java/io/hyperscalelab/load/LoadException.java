package io.hyperscalelab.load;

/**
 * A load was refused and nothing of it was kept. The message names the file, the line of that
 * file and, when known, the column, like psql's COPY errors but for the file the user gave.
 */
public class LoadException extends RuntimeException {

    private final String fileName;
    private final long line;
    private final String column;

    public LoadException(String fileName, long line, String column, String problem) {
        super(describe(fileName, line, column, problem));
        this.fileName = fileName;
        this.line = line;
        this.column = column;
    }

    public LoadException(String message, Throwable cause) {
        super(message, cause);
        this.fileName = null;
        this.line = 0;
        this.column = null;
    }

    public String fileName() {
        return fileName;
    }

    /** 1-based line of the input file; 0 when the problem is not tied to a line. */
    public long line() {
        return line;
    }

    public String column() {
        return column;
    }

    private static String describe(String fileName, long line, String column, String problem) {
        StringBuilder sb = new StringBuilder(fileName);
        if (line > 0) {
            sb.append(", line ").append(line);
        }
        if (column != null) {
            sb.append(", column ").append(column);
        }
        return sb.append(": ").append(problem).toString();
    }
}
