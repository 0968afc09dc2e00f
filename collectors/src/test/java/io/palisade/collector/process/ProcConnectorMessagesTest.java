package io.palisade.collector.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import io.palisade.collector.process.ProcConnectorMessages.ProcEvent;
import org.junit.jupiter.api.Test;

/** The proc connector's wire format, laid out as linux/connector.h and linux/cn_proc.h define it. */
class ProcConnectorMessagesTest {

    /** sizeof(struct nlmsghdr) + sizeof(struct cn_msg) + sizeof(struct proc_event) on x86-64. */
    private static final int DATAGRAM = 16 + 20 + 40;

    @Test
    void execNamesTheThreadGroup() {
        ProcEvent exec = ProcConnectorMessages.parse(event(2, 4242, 4241, 0, 0), DATAGRAM);
        assertThat(exec).isEqualTo(new ProcEvent(ProcConnectorMessages.PROC_EVENT_EXEC, 4242, 4241, 0, 0));
    }

    @Test
    void forkNamesParentAndChild() {
        ProcEvent fork = ProcConnectorMessages.parse(event(1, 100, 100, 200, 200), DATAGRAM);
        assertThat(fork).isEqualTo(new ProcEvent(ProcConnectorMessages.PROC_EVENT_FORK, 100, 100, 200, 200));
    }

    @Test
    void exitCarriesTheExitCodeAndPidsBeyondTwoToTheThirtyOneStayPositive() {
        ProcEvent exit = ProcConnectorMessages.parse(event(0x80000000, 0xFFFFFFF0, 0xFFFFFFF0, 256, 0), DATAGRAM);
        assertThat(exit).isEqualTo(new ProcEvent(ProcConnectorMessages.PROC_EVENT_EXIT, 0xFFFFFFF0L, 0xFFFFFFF0L,
                256, 0));
    }

    @Test
    void theSubscriptionAcknowledgementCarriesItsErrorNumber() {
        ProcEvent ack = ProcConnectorMessages.parse(event(0, 1, 0, 0, 0), DATAGRAM);
        assertThat(ack.what()).isEqualTo(ProcConnectorMessages.PROC_EVENT_NONE);
        assertThat(ack.c()).isEqualTo(1);
    }

    @Test
    void otherConnectorsShortDatagramsAndUnknownEventsAreIgnored() {
        ByteBuffer otherConnector = event(2, 1, 1, 0, 0);
        otherConnector.putInt(16, 7);
        assertThat(ProcConnectorMessages.parse(otherConnector, DATAGRAM)).isNull();
        assertThat(ProcConnectorMessages.parse(event(2, 1, 1, 0, 0), 40)).isNull();
        assertThat(ProcConnectorMessages.parse(event(0x40, 1, 1, 0, 0), DATAGRAM)).isNull(); // PROC_EVENT_COMM
    }

    @Test
    void theListenRequestSubscribesToTheProcConnector() {
        ByteBuffer request = ProcConnectorMessages.listenRequest(77).order(ByteOrder.nativeOrder());
        assertThat(request.remaining()).isEqualTo(40);
        assertThat(request.getInt(0)).as("nlmsg_len").isEqualTo(40);
        assertThat(request.getShort(4)).as("nlmsg_type NLMSG_DONE").isEqualTo((short) 3);
        assertThat(request.getInt(12)).as("nlmsg_pid").isEqualTo(77);
        assertThat(request.getInt(16)).as("cn_msg.id.idx CN_IDX_PROC").isEqualTo(1);
        assertThat(request.getInt(20)).as("cn_msg.id.val CN_VAL_PROC").isEqualTo(1);
        assertThat(request.getShort(32)).as("cn_msg.len").isEqualTo((short) 4);
        assertThat(request.getInt(36)).as("PROC_CN_MCAST_LISTEN").isEqualTo(1);
    }

    private static ByteBuffer event(int what, int d0, int d1, int d2, int d3) {
        ByteBuffer message = ByteBuffer.allocate(DATAGRAM).order(ByteOrder.nativeOrder());
        message.putInt(DATAGRAM).putShort((short) 3).putShort((short) 0).putInt(0).putInt(0);
        message.putInt(1).putInt(1).putInt(0).putInt(0).putShort((short) 40).putShort((short) 0);
        message.putInt(what).putInt(0).putLong(123_456_789L);
        message.putInt(d0).putInt(d1).putInt(d2).putInt(d3);
        return message.clear();
    }
}
