package io.hyperscalelab.execution;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.sf.jsqlparser.parser.CCJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParserTokenManager;
import net.sf.jsqlparser.parser.SimpleCharStream;
import net.sf.jsqlparser.parser.StringProvider;
import net.sf.jsqlparser.parser.Token;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.Statements;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;

/**
 * Parses one statement with JSqlParser and remembers the result by its text (learners run the
 * same queries again and again; a parse costs about a millisecond). A statement the parser does
 * not understand is not an error here: the coordinator runs it and PostgreSQL judges it.
 */
final class StatementParser {

    /** Longer statements are not analysed: the parser's backtracking could take long on them. */
    static final int MAX_ANALYSED_LENGTH = 20_000;
    private static final int CACHE_SIZE = 512;

    private final Map<String, ParsedStatement> cache = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ParsedStatement> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    ParsedStatement parse(String sql) {
        synchronized (cache) {
            ParsedStatement cached = cache.get(sql);
            if (cached != null) {
                return cached;
            }
        }
        ParsedStatement parsed = analyse(sql);
        synchronized (cache) {
            cache.put(sql, parsed);
        }
        return parsed;
    }

    private ParsedStatement analyse(String sql) {
        if (sql.length() > MAX_ANALYSED_LENGTH) {
            return new ParsedStatement.Other(sql, "the statement is too long to analyse", firstWordIsPlanned(sql));
        }
        List<Token> tokens = tokens(sql, 40);
        if (!tokens.isEmpty() && tokens.get(0).image.equalsIgnoreCase("explain")) {
            return explain(sql, tokens);
        }
        Statement statement;
        try {
            Statements statements = new CCJSqlParser(new StringProvider(sql)).withAllowComplexParsing(true).Statements();
            if (statements.size() != 1) {
                return new ParsedStatement.Other(sql, "not a single statement", false);
            }
            statement = statements.get(0);
        } catch (Exception | StackOverflowError e) {
            return new ParsedStatement.Other(sql, "the distributed planner does not understand this statement",
                    firstWordIsPlanned(sql));
        }
        if (statement instanceof PlainSelect select) {
            return new ParsedStatement.Select(sql, select, new SourceSpans(sql, select.getASTNode()));
        }
        if (statement instanceof Select) {
            return new ParsedStatement.Other(sql, "set operations, VALUES and parenthesised queries run on the coordinator", true);
        }
        return new ParsedStatement.Other(sql, "not a query: " + kind(statement), firstWordIsPlanned(sql));
    }

    /** EXPLAIN [ANALYZE] [VERBOSE] stmt, or EXPLAIN ( option [value] [, ...] ) stmt. */
    private ParsedStatement explain(String sql, List<Token> tokens) {
        List<ExplainOptions.Option> options = new ArrayList<>();
        int i = 1;
        if (i < tokens.size() && tokens.get(i).image.equals("(")) {
            i++;
            while (i < tokens.size() && !tokens.get(i).image.equals(")")) {
                String name = tokens.get(i++).image.toLowerCase(Locale.ROOT);
                StringBuilder value = new StringBuilder();
                while (i < tokens.size() && !tokens.get(i).image.equals(",") && !tokens.get(i).image.equals(")")) {
                    value.append(value.isEmpty() ? "" : " ").append(tokens.get(i++).image);
                }
                options.add(new ExplainOptions.Option(name.equals("analyse") ? "analyze" : name, value.toString()));
                if (i < tokens.size() && tokens.get(i).image.equals(",")) {
                    i++;
                }
            }
            i++;
        } else {
            for (String word : List.of("analyze", "verbose")) {
                if (i < tokens.size() && (tokens.get(i).image.equalsIgnoreCase(word)
                        || (word.equals("analyze") && tokens.get(i).image.equalsIgnoreCase("analyse")))) {
                    options.add(new ExplainOptions.Option(word, ""));
                    i++;
                }
            }
        }
        if (i >= tokens.size()) {
            return new ParsedStatement.Other(sql, "EXPLAIN of nothing", false);
        }
        int innerOffset = tokens.get(i).absoluteBegin - 1;
        ParsedStatement inner = analyse(sql.substring(innerOffset));
        return new ParsedStatement.Explain(sql, new ExplainOptions(options), inner, innerOffset);
    }

    private static List<Token> tokens(String sql, int max) {
        List<Token> tokens = new ArrayList<>();
        try {
            CCJSqlParserTokenManager lexer = new CCJSqlParserTokenManager(new SimpleCharStream(new StringProvider(sql)));
            for (Token t = lexer.getNextToken(); t.kind != 0 && tokens.size() < max; t = lexer.getNextToken()) {
                tokens.add(t);
            }
        } catch (RuntimeException | Error e) {
            // an unlexable statement is the server's to reject
        }
        return tokens;
    }

    private static boolean firstWordIsPlanned(String sql) {
        List<Token> first = tokens(sql, 1);
        if (first.isEmpty()) {
            return false;
        }
        String word = first.get(0).image.toLowerCase(Locale.ROOT);
        return List.of("select", "insert", "update", "delete", "merge", "values", "table", "with", "(").contains(word);
    }

    private static String kind(Statement statement) {
        return statement.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    }
}
