package io.hyperscalelab.data;

import java.util.List;

/**
 * One way of making a name: one word from each part, joined by a separator, e.g. first name +
 * last name. Its names are numbered in mixed radix, so index i always renders the same name
 * and distinct indexes render distinct part combinations.
 */
record NameStyle(String separator, List<List<String>> parts) {

    NameStyle {
        parts = List.copyOf(parts);
    }

    static NameStyle of(String separator, List<String> first, List<String> second) {
        return new NameStyle(separator, List.of(first, second));
    }

    static NameStyle of(String separator, List<String> first, List<String> second, List<String> third) {
        return new NameStyle(separator, List.of(first, second, third));
    }

    long size() {
        long size = 1;
        for (List<String> part : parts) {
            size *= part.size();
        }
        return size;
    }

    void render(long index, StringBuilder out) {
        int[] picks = new int[parts.size()];
        long rest = index;
        for (int p = parts.size() - 1; p >= 0; p--) {
            picks[p] = (int) (rest % parts.get(p).size());
            rest /= parts.get(p).size();
        }
        for (int p = 0; p < parts.size(); p++) {
            if (p > 0) {
                out.append(separator);
            }
            out.append(parts.get(p).get(picks[p]));
        }
    }
}
