package cmr.lab;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FileUtil;
import org.apache.hadoop.hdfs.MiniDFSCluster;

/**
 * A real HDFS in-process for scripts/cluster-test.sh: Hadoop's MiniDFSCluster (one NameNode, one
 * DataNode) on 127.0.0.1, and a copy between file systems through Hadoop's FileSystem API.
 *
 * <pre>
 * MiniHdfs start DIR PORT READY_FILE   runs until killed; writes hdfs://127.0.0.1:PORT to READY_FILE
 * MiniHdfs copy SRC DST                copies a file or folder (any two Hadoop URIs)
 * </pre>
 */
public final class MiniHdfs {
  private MiniHdfs() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 4 && args[0].equals("start")) {
      start(Path.of(args[1]), Integer.parseInt(args[2]), Path.of(args[3]));
    } else if (args.length == 3 && args[0].equals("copy")) {
      copy(args[1], args[2]);
    } else {
      System.err.println("usage: MiniHdfs start DIR PORT READY_FILE | copy SRC DST");
      System.exit(2);
    }
  }

  private static void start(Path dir, int port, Path ready) throws Exception {
    Configuration conf = new Configuration();
    conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, dir.toAbsolutePath().toString());
    // everything on the loopback address: no traffic to any other host
    conf.set("dfs.namenode.rpc-bind-host", "127.0.0.1");
    conf.set("dfs.namenode.http-address", "127.0.0.1:0");
    conf.set("dfs.datanode.address", "127.0.0.1:0");
    conf.set("dfs.datanode.http.address", "127.0.0.1:0");
    conf.set("dfs.datanode.ipc.address", "127.0.0.1:0");
    conf.setBoolean("dfs.permissions.enabled", false);
    MiniDFSCluster cluster =
        new MiniDFSCluster.Builder(conf)
            .nameNodePort(port)
            .numDataNodes(1)
            .format(true)
            .checkDataNodeAddrConfig(true)
            .build();
    cluster.waitActive();
    Runtime.getRuntime().addShutdownHook(new Thread(cluster::shutdown));
    String uri = "hdfs://127.0.0.1:" + cluster.getNameNodePort();
    Files.writeString(ready, uri + "\n", StandardCharsets.UTF_8);
    System.out.println("MiniHdfs: " + uri + " (data under " + dir + ")");
    Thread.currentThread().join();
  }

  private static void copy(String src, String dst) throws Exception {
    Configuration conf = new Configuration();
    org.apache.hadoop.fs.Path s = new org.apache.hadoop.fs.Path(src);
    org.apache.hadoop.fs.Path d = new org.apache.hadoop.fs.Path(dst);
    FileSystem from = s.getFileSystem(conf);
    FileSystem to = d.getFileSystem(conf);
    if (!FileUtil.copy(from, s, to, d, false, true, conf)) {
      throw new IllegalStateException("cannot copy " + src + " to " + dst);
    }
  }
}
