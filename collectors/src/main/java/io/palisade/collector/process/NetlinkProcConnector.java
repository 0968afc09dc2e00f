package io.palisade.collector.process;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import io.palisade.collector.process.ProcConnectorMessages.ProcEvent;

/**
 * The kernel's netlink proc connector (NETLINK_CONNECTOR, CN_IDX_PROC), through libc via JNA: the kernel reports
 * every fork, exec and exit synchronously, so no exec is missed however short it lives, as long as the socket's
 * receive buffer does not overflow. Needs root (CAP_NET_ADMIN) in the initial pid and user namespaces; elsewhere the
 * kernel silently ignores the subscription, which {@link #open()} detects by waiting for its acknowledgement.
 *
 * <p>Fork events are remembered until the process exits, so an exec whose process is gone before /proc can be read
 * still names its parent.
 */
final class NetlinkProcConnector implements ExecBackend {

    private static final int AF_NETLINK = 16;
    private static final int SOCK_DGRAM = 2;
    private static final int SOCK_CLOEXEC = 0x80000;
    private static final int NETLINK_CONNECTOR = 11;
    private static final int SOL_SOCKET = 1;
    private static final int SO_RCVBUF = 8;
    private static final int SO_RCVTIMEO = 20;
    private static final int SO_RCVBUFFORCE = 33;
    private static final int EINTR = 4;
    private static final int EAGAIN = 11;
    private static final int ENOBUFS = 105;
    private static final int MSG_DONTWAIT = 0x40;
    /** What {@link #receive} returns when no datagram came; its kind (all bits set) is none the kernel sends. */
    private static final ProcEvent NOTHING_PENDING = new ProcEvent(-1, 0, 0, 0, 0);

    /** Large enough for a burst of tens of thousands of events while the reader is descheduled. */
    private static final int RECEIVE_BUFFER_BYTES = 32 * 1024 * 1024;
    /** How often a blocked receive wakes up to see whether the back end was closed. */
    private static final long RECEIVE_TIMEOUT_MICROS = 200_000;
    private static final long ACK_TIMEOUT_MILLIS = 2_000;
    /** Beyond this many live processes remembered, forget them all: exits were missed (buffer overruns). */
    private static final int MAX_REMEMBERED_PARENTS = 1 << 20;
    private static final int DATAGRAM_BYTES = 4096;

    private final int socket;
    private final Memory datagram = new Memory(DATAGRAM_BYTES);
    private final ByteBuffer received = datagram.getByteBuffer(0, DATAGRAM_BYTES).order(ByteOrder.nativeOrder());
    private final Map<Long, Long> parentOf = new HashMap<>();
    private final AtomicLong overruns = new AtomicLong();
    private boolean realtime;
    private boolean vmThreadRealtime;

    private NetlinkProcConnector(int socket) {
        this.socket = socket;
    }

    /**
     * Opens, subscribes and waits for the kernel to acknowledge; call it on the thread that will observe, which it
     * moves to real-time priority when allowed (see {@link #raisePriority}).
     *
     * @throws IOException saying why the proc connector cannot be used here
     */
    static NetlinkProcConnector open() throws IOException {
        LibC libc;
        try {
            libc = LibC.INSTANCE;
        } catch (LinkageError e) {
            throw new IOException("cannot load libc through JNA: " + e.getMessage(), e);
        }
        int socket;
        try {
            socket = libc.socket(AF_NETLINK, SOCK_DGRAM | SOCK_CLOEXEC, NETLINK_CONNECTOR);
        } catch (LastErrorException e) {
            throw new IOException("cannot create a NETLINK_CONNECTOR socket (errno " + e.getErrorCode() + ")", e);
        }
        NetlinkProcConnector connector = new NetlinkProcConnector(socket);
        try {
            connector.subscribe(libc);
            connector.raisePriority();
            return connector;
        } catch (IOException | RuntimeException e) {
            connector.close();
            throw e;
        }
    }

    private void subscribe(LibC libc) throws IOException {
        try {
            // As root the buffer may exceed net.core.rmem_max; otherwise the kernel caps it, which still works.
            try {
                libc.setsockopt(socket, SOL_SOCKET, SO_RCVBUFFORCE, new int[] {RECEIVE_BUFFER_BYTES}, 4);
            } catch (LastErrorException e) {
                libc.setsockopt(socket, SOL_SOCKET, SO_RCVBUF, new int[] {RECEIVE_BUFFER_BYTES}, 4);
            }
            libc.setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, timeval(RECEIVE_TIMEOUT_MICROS), 2 * NativeLong.SIZE);
            ByteBuffer address = ByteBuffer.allocate(12).order(ByteOrder.nativeOrder())
                    .putShort((short) AF_NETLINK).putShort((short) 0).putInt(0)
                    .putInt(ProcConnectorMessages.CN_IDX_PROC);
            libc.bind(socket, address.array(), 12);
            byte[] request = ProcConnectorMessages.listenRequest((int) ProcessHandle.current().pid()).array();
            libc.send(socket, request, new NativeLong(request.length), 0);
        } catch (LastErrorException e) {
            throw new IOException("cannot subscribe to the proc connector (errno " + e.getErrorCode()
                    + (e.getErrorCode() == 1 ? ", needs root" : "") + ")", e);
        }
        awaitAcknowledgement();
    }

    /** Events may arrive before the acknowledgement; they are dropped, as observing has not started yet. */
    private void awaitAcknowledgement() throws IOException {
        long deadline = System.nanoTime() + ACK_TIMEOUT_MILLIS * 1_000_000;
        while (System.nanoTime() < deadline) {
            ProcEvent event = receive(0);
            if (event != null && event.what() == ProcConnectorMessages.PROC_EVENT_NONE) {
                if (event.c() != 0) {
                    throw new IOException("the kernel refused the proc connector subscription (errno " + event.c()
                            + ")");
                }
                return;
            }
        }
        throw new IOException("the kernel did not acknowledge the proc connector subscription within "
                + ACK_TIMEOUT_MILLIS + " ms (not in the initial pid/user namespace?)");
    }

    /**
     * Moves the calling thread, which will observe, to the lowest real-time priority when allowed, and with it the
     * JVM's VM Thread, which can stop the observer (see {@link RealtimeScheduling}). A short-lived process lives well
     * under a millisecond after its exec; on a busy host an ordinary thread is often woken later than that and finds
     * the process gone. At real-time priority it runs as soon as the kernel queues the event, ahead of the process it
     * reads. The kernel's real-time throttling (by default 5% of every second is left to other threads) bounds what an
     * exec storm can cost the host.
     */
    private void raisePriority() {
        realtime = RealtimeScheduling.raiseCurrentThread();
        vmThreadRealtime = realtime && RealtimeScheduling.raiseJvmThread(RealtimeScheduling.VM_THREAD);
    }

    /** Whether the observing thread runs at real-time priority (see {@link #open()}). */
    boolean realtime() {
        return realtime;
    }

    /** Whether the JVM's VM Thread was moved to real-time priority with the observer (see {@link #open()}). */
    boolean vmThreadRealtime() {
        return vmThreadRealtime;
    }

    @Override
    public String name() {
        return "netlink";
    }

    @Override
    public void observe(ExecListener listener, BooleanSupplier stopped) throws IOException {
        while (!stopped.getAsBoolean()) {
            ProcEvent event = receive(0);
            // Execs come in bursts: each gets its first read before any gets the rest (see ExecListener), and the
            // socket is looked at again after each exec's rest, so a new exec never waits for all of them.
            while (event != NOTHING_PENDING) {
                dispatch(event, listener);
                event = receive(MSG_DONTWAIT);
                while (event == NOTHING_PENDING && listener.completeOne()) {
                    event = receive(MSG_DONTWAIT);
                }
            }
            listener.caughtUp();
        }
    }

    private void dispatch(ProcEvent event, ExecListener listener) {
        if (event == null) {
            return;
        }
        switch (event.what()) {
            case ProcConnectorMessages.PROC_EVENT_FORK -> {
                if (event.c() == event.d()) { // a new process, not a new thread
                    if (parentOf.size() >= MAX_REMEMBERED_PARENTS) {
                        parentOf.clear();
                    }
                    parentOf.put(event.d(), event.b());
                }
            }
            case ProcConnectorMessages.PROC_EVENT_EXEC -> {
                Long parent = parentOf.get(event.b());
                listener.exec(new ExecNotice(event.b(), parent == null ? OptionalLong.empty() : OptionalLong.of(parent)));
            }
            case ProcConnectorMessages.PROC_EVENT_EXIT -> {
                if (event.a() == event.b()) {
                    parentOf.remove(event.b());
                }
            }
            default -> {
                // acknowledgements and event kinds this source does not report
            }
        }
    }

    /**
     * One event; {@link #NOTHING_PENDING} when none came (a non-blocking call with nothing queued, the receive
     * timeout, an interrupted call); null after an overrun or for a message that is no proc event.
     */
    private ProcEvent receive(int flags) throws IOException {
        int length = (int) Libc.recv(socket, Pointer.nativeValue(datagram), DATAGRAM_BYTES, flags);
        if (length < 0) {
            // errno, not an exception: an empty queue is met after nearly every burst
            int errno = Native.getLastError();
            return switch (errno) {
                case EAGAIN, EINTR -> NOTHING_PENDING;
                case ENOBUFS -> {
                    // The kernel dropped events because we read too slowly; the socket stays usable.
                    overruns.incrementAndGet();
                    yield null;
                }
                default -> throw new IOException("receiving from the proc connector failed (errno " + errno + ")");
            };
        }
        return ProcConnectorMessages.parse(received, length);
    }

    /** Receive buffer overruns: each lost an unknown number of events, at least one. */
    @Override
    public long missed() {
        return overruns.get();
    }

    @Override
    public void close() {
        Libc.close(socket);
        if (vmThreadRealtime) { // no observer left that it must not stop for long
            RealtimeScheduling.lowerJvmThread(RealtimeScheduling.VM_THREAD);
        }
    }

    private static byte[] timeval(long micros) {
        ByteBuffer value = ByteBuffer.allocate(2 * NativeLong.SIZE).order(ByteOrder.nativeOrder());
        if (NativeLong.SIZE == 8) {
            value.putLong(micros / 1_000_000).putLong(micros % 1_000_000);
        } else {
            value.putInt((int) (micros / 1_000_000)).putInt((int) (micros % 1_000_000));
        }
        return value.array();
    }

    /**
     * The libc calls that set up a netlink socket; errors surface as {@link LastErrorException} with errno. Those
     * called per event, and {@code close}, are in {@link Libc}.
     */
    private interface LibC extends Library {
        LibC INSTANCE = Native.load("c", LibC.class);

        int socket(int domain, int type, int protocol) throws LastErrorException;

        int setsockopt(int socket, int level, int option, int[] value, int length) throws LastErrorException;

        int setsockopt(int socket, int level, int option, byte[] value, int length) throws LastErrorException;

        int bind(int socket, byte[] address, int length) throws LastErrorException;

        NativeLong send(int socket, byte[] buffer, NativeLong length, int flags) throws LastErrorException;
    }
}
