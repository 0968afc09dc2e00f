package io.palisade.collector.process;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The wire format of the kernel's netlink proc connector ({@code linux/connector.h}, {@code linux/cn_proc.h}): a
 * netlink header, a connector header, then one {@code struct proc_event}, all in host byte order. Pure: no I/O.
 */
final class ProcConnectorMessages {

    static final int NETLINK_HEADER = 16;
    static final int CONNECTOR_HEADER = 20;
    /** Offset of struct proc_event: what (4), cpu (4), timestamp_ns (8), then the event's data. */
    static final int EVENT = NETLINK_HEADER + CONNECTOR_HEADER;
    static final int EVENT_DATA = EVENT + 16;

    static final int CN_IDX_PROC = 1;
    static final int CN_VAL_PROC = 1;
    static final int PROC_CN_MCAST_LISTEN = 1;
    static final int NLMSG_DONE = 3;

    static final int PROC_EVENT_NONE = 0;
    static final int PROC_EVENT_FORK = 1;
    static final int PROC_EVENT_EXEC = 2;
    static final int PROC_EVENT_EXIT = 0x80000000;

    private ProcConnectorMessages() {
    }

    /** One proc connector event; the meaning of a and b depends on {@code what} (see {@link #parse}). */
    record ProcEvent(int what, long a, long b, long c, long d) {
    }

    /** The request that subscribes the socket to every process's fork, exec and exit. */
    static ByteBuffer listenRequest(int senderPid) {
        int length = EVENT + 4;
        ByteBuffer message = ByteBuffer.allocate(length).order(ByteOrder.nativeOrder());
        message.putInt(length).putShort((short) NLMSG_DONE).putShort((short) 0).putInt(0).putInt(senderPid);
        message.putInt(CN_IDX_PROC).putInt(CN_VAL_PROC).putInt(0).putInt(0).putShort((short) 4).putShort((short) 0);
        message.putInt(PROC_CN_MCAST_LISTEN);
        return message.flip();
    }

    /**
     * Reads the event in one received datagram, or null when it is not a proc event. Fields: fork (a parent pid,
     * b parent tgid, c child pid, d child tgid); exec (a pid, b tgid); exit (a pid, b tgid, c exit code); none (the
     * acknowledgement of the subscription, c its error number). The kernel always sends the whole struct. The buffer
     * must be in native byte order; it is read at absolute positions only, so it can be reused without a copy.
     */
    static ProcEvent parse(ByteBuffer in, int length) {
        if (length < EVENT_DATA + 16 || in.getInt(NETLINK_HEADER) != CN_IDX_PROC
                || in.getInt(NETLINK_HEADER + 4) != CN_VAL_PROC) {
            return null;
        }
        int what = in.getInt(EVENT);
        return switch (what) {
            case PROC_EVENT_FORK -> new ProcEvent(what, u32(in, 0), u32(in, 4), u32(in, 8), u32(in, 12));
            case PROC_EVENT_EXEC -> new ProcEvent(what, u32(in, 0), u32(in, 4), 0, 0);
            case PROC_EVENT_EXIT -> new ProcEvent(what, u32(in, 0), u32(in, 4), in.getInt(EVENT_DATA + 8), 0);
            case PROC_EVENT_NONE -> new ProcEvent(what, 0, 0, in.getInt(EVENT_DATA), 0);
            default -> null;
        };
    }

    private static long u32(ByteBuffer in, int offset) {
        return Integer.toUnsignedLong(in.getInt(EVENT_DATA + offset));
    }
}
