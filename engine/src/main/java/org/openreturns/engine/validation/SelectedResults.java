package org.openreturns.engine.validation;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.openreturns.engine.rules.ItemResult;

/**
 * One pupil's selected results by item id, in file order: what a LinkedHashMap would give, built for the one job of
 * being filled once per pupil and then read by every rule and measure. One is made per pupil, so it holds two small
 * arrays and an index rather than an entry object per item, and an item id (interned, like the ids rules look up) is
 * usually found by identity. Read-only to its readers.
 */
final class SelectedResults extends AbstractMap<String, List<ItemResult>> {

    private String[] keys;
    private Object[] values;
    private int size;
    /** Open addressing over the keys' hashes: position + 1 of the key, or 0 for a free slot. */
    private int[] index;

    /** Room for {@code expected} items without growing: a collection's item count. */
    SelectedResults(int expected) {
        int n = Math.max(expected, 4);
        keys = new String[n];
        values = new Object[n];
        index = new int[Integer.highestOneBit(n * 2 - 1) << 1];
    }

    /** Adds a result for an item; a second result for the same item is kept after the first. */
    void add(String itemId, ItemResult result) {
        int slot = slotOf(itemId);
        int at = index[slot] - 1;
        if (at >= 0) {
            // Rare: a second result for one item, which the conflict rules will look at.
            List<ItemResult> all = new ArrayList<>(list(at));
            all.add(result);
            values[at] = all;
            return;
        }
        if (size == keys.length) {
            grow();
            slot = slotOf(itemId);
        }
        keys[size] = itemId;
        values[size] = List.of(result);
        index[slot] = ++size;
    }

    /** The slot holding the key, or the free slot where it would go. */
    private int slotOf(Object key) {
        int mask = index.length - 1;
        int h = key.hashCode();
        int slot = (h ^ (h >>> 16)) & mask;
        while (true) {
            int at = index[slot] - 1;
            if (at < 0) {
                return slot;
            }
            String k = keys[at];
            if (k == key || k.equals(key)) {
                return slot;
            }
            slot = (slot + 1) & mask;
        }
    }

    private void grow() {
        keys = Arrays.copyOf(keys, keys.length * 2);
        values = Arrays.copyOf(values, values.length * 2);
        index = new int[index.length * 2];
        for (int i = 0; i < size; i++) {
            index[slotOf(keys[i])] = i + 1;
        }
    }

    @SuppressWarnings("unchecked")
    private List<ItemResult> list(int at) {
        return (List<ItemResult>) values[at];
    }

    private int positionOf(Object key) {
        if (!(key instanceof String)) {
            return -1;
        }
        return index[slotOf(key)] - 1;
    }

    @Override
    public List<ItemResult> get(Object key) {
        int at = positionOf(key);
        return at < 0 ? null : list(at);
    }

    @Override
    public List<ItemResult> getOrDefault(Object key, List<ItemResult> defaultValue) {
        int at = positionOf(key);
        return at < 0 ? defaultValue : list(at);
    }

    @Override
    public boolean containsKey(Object key) {
        return positionOf(key) >= 0;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public boolean isEmpty() {
        return size == 0;
    }

    @Override
    public Set<Map.Entry<String, List<ItemResult>>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<String, List<ItemResult>>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < size;
                    }

                    @Override
                    public Map.Entry<String, List<ItemResult>> next() {
                        if (next >= size) {
                            throw new NoSuchElementException();
                        }
                        int at = next++;
                        return new AbstractMap.SimpleImmutableEntry<>(keys[at], list(at));
                    }
                };
            }

            @Override
            public int size() {
                return size;
            }
        };
    }
}
