package org.coag.cli;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import javax.management.ListenerNotFoundException;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The peak live heap of a stretch of work: the largest heap in use right after any garbage
 * collection while it watches (JMX GC notifications), and after a full collection at the end. Heap
 * in use between collections is mostly garbage, so it is not counted.
 */
final class HeapWatch implements AutoCloseable {
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final NotificationListener listener = (n, handback) -> {
        if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
            GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
            long used = 0;
            for (MemoryUsage u : info.getGcInfo().getMemoryUsageAfterGc().values()) {
                used += u.getUsed();
            }
            record(used);
        }
    };
    private final long before;
    private long peak;

    /** Collects, notes the live heap as the baseline, and starts watching. */
    HeapWatch() {
        before = liveHeap();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter e) {
                e.addNotificationListener(listener, null, null);
                emitters.add(e);
            }
        }
    }

    private synchronized void record(long used) {
        peak = Math.max(peak, used);
    }

    /** @return the live heap now, after a full collection, minus the baseline (bytes) */
    long retained() {
        long now = liveHeap();
        record(now);
        return now - before;
    }

    /** @return the peak live heap seen so far minus the baseline (bytes) */
    synchronized long peak() {
        return peak - before;
    }

    private static long liveHeap() {
        System.gc();
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    @Override
    public void close() {
        for (NotificationEmitter e : emitters) {
            try {
                e.removeNotificationListener(listener);
            } catch (ListenerNotFoundException ignored) {
                continue;
            }
        }
    }
}
