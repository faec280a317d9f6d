package fr.aptic.qualification.simulation;

import java.util.List;
import java.util.TreeSet;

/**
 * A count and a few example application ids. The examples are the smallest ids, not the first met, so an
 * answer does not depend on the order rows came from the database or the thread that saw them.
 */
final class Examples {

    static final int KEPT = 5;

    private long count;
    private final TreeSet<String> ids = new TreeSet<>();

    void add(String id) {
        count++;
        keep(id);
    }

    private void keep(String id) {
        if (ids.size() < KEPT) {
            ids.add(id);
        } else if (id.compareTo(ids.last()) < 0 && ids.add(id)) {
            ids.pollLast();
        }
    }

    void merge(Examples other) {
        count += other.count;
        other.ids.forEach(this::keep);
    }

    long count() {
        return count;
    }

    List<String> ids() {
        return List.copyOf(ids);
    }
}
